// It knows the bot's own Discord formatting (escapes, the 📄 citation line), so it lives here.
/**
 * Undoes what the bot's own posts add around a passage, so a copied post is checked as the document
 * wrote it: the 📄 citation line goes and markdown escapes (`\_`, `\#`, `\*`…) are undone. Block-quote
 * markers and quotation marks stay: Verify quote reads them as the quotes the message holds.
 */
export function stripBotFormatting(message: string): string {
  return message
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !line.trim().startsWith('📄'))
    .join('\n')
    .replace(/\\([\\*_`~|>#\-[\]()<@.])/g, '$1');
}
