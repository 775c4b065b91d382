// It knows the bot's own Discord formatting (block quotes, escapes, the 📄 citation line), so it lives here.
/** Strips what a chat message wraps around a quote: block-quote markers, quotation marks, our citation line. */
export function extractQuotedText(message: string): string {
  return message
    .split('\n')
    .filter((line) => !line.trim().startsWith('📄'))
    .map((line) => line.replace(/^\s*>+\s?/, ''))
    .join('\n')
    // Undo Discord markdown escaping (our own posts escape `_`, `*`, `#`…), so a copied post is verbatim.
    .replace(/\\([\\*_`~|>#\-[\]()<@])/g, '$1')
    .replace(/^[\s"'«»“”„]+|[\s"'«»“”„]+$/g, '');
}
