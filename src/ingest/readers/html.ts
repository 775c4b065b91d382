import type { DocumentReader, ReadRefusal, ReadText } from './reader-types.js';

/** Never main text: code, styling, page furniture and forms. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'svg', 'iframe', 'button', 'select', 'object', 'canvas']);
/** Elements that end a paragraph of text. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'table', 'tr', 'td', 'th', 'blockquote', 'pre', 'hr', 'figure', 'figcaption', 'body', 'address', 'details', 'summary',
]);
/** When a page marks its main content, only that is read. */
const MAIN = new Set(['main', 'article']);

/** The declared charset (BOM, then <meta charset>), or UTF-8. Arabic pages are still often windows-1256. */
function charsetOf(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  return declared ?? 'utf-8';
}

/** The readable text of an HTML page: its main content, paragraph by paragraph, entities decoded. */
async function htmlText(html: string): Promise<string> {
  // Loaded on first HTML file: a command over a fresh index, or a collection without pages, never needs it.
  const { Parser } = await import('htmlparser2');
  const blocks: { text: string; inMain: boolean }[] = [];
  let current = '';
  let skipDepth = 0;
  let mainDepth = 0;
  let preDepth = 0;
  const flush = () => {
    const text = current.replace(/[ \t]+\n/g, '\n').replace(/\n[ \t]+/g, '\n').trim();
    if (text) blocks.push({ text, inMain: mainDepth > 0 });
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (BLOCKS.has(name)) flush();
        if (MAIN.has(name)) mainDepth++;
        if (name === 'pre') preDepth++;
        if (name === 'br') current += '\n';
      },
      ontext(text) {
        if (skipDepth > 0) return;
        current += preDepth > 0 ? text : text.replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (BLOCKS.has(name)) flush();
        if (MAIN.has(name)) mainDepth = Math.max(0, mainDepth - 1);
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const main = blocks.some((b) => b.inMain) ? blocks.filter((b) => b.inMain) : blocks;
  return main.map((b) => b.text.replace(/ {2,}/g, ' ')).join('\n\n');
}

/** HTML (.html, .htm): main text only, with htmlparser2; no scripts, styles, navigation, header or footer. */
export const htmlReader: DocumentReader = {
  name: 'html',
  extensions: ['.html', '.htm'],
  version: 1,
  async read(bytes): Promise<ReadText | ReadRefusal> {
    const charset = charsetOf(bytes);
    let html: string;
    try {
      html = new TextDecoder(charset, { fatal: true }).decode(bytes);
    } catch (error) {
      const unknown = error instanceof RangeError;
      return {
        code: 'FILE_UNREADABLE',
        reason: unknown ? `unknown character set "${charset}"; re-save the page as UTF-8` : `not valid ${charset}; re-save the page as UTF-8`,
      };
    }
    return { text: await htmlText(html) };
  },
};
