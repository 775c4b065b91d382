import type { DocumentReader, ReadRefusal, ReadText } from './reader-types.js';
import { looksReversed } from './arabic-order.js';

/** Pages are separated by a blank line, so no passage runs from one page into the next mid-line. */
const PAGE_BREAK = '\n\n';

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

/** One page's text layer, line by line as pdf.js reports line ends; trailing spaces on a line dropped. */
function pageText(items: TextItemLike[]): string {
  let text = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue; // marked-content markers carry no text
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text.replace(/[ \t]+\n/g, '\n').replace(/\s+$/, '');
}

/**
 * PDF: the text layer, page by page, with Mozilla's pdf.js (legacy build: runs in Node 20 without a
 * worker or canvas). Encrypted, corrupt, scanned (no text) and visually-ordered Arabic files are
 * refused with a code instead of being indexed as nothing or as nonsense.
 */
export const pdfReader: DocumentReader = {
  name: 'pdf',
  extensions: ['.pdf'],
  version: 1,
  async read(bytes): Promise<ReadText | ReadRefusal> {
    // Imported on first use: `npm run ask` over text files never pays for loading pdf.js.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({
      data: new Uint8Array(bytes), // pdf.js transfers (detaches) the buffer it is given
      verbosity: pdfjs.VerbosityLevel.ERRORS,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
    });
    try {
      let document;
      try {
        document = await task.promise;
      } catch (error) {
        const name = (error as Error | undefined)?.name;
        if (name === 'PasswordException') {
          return { code: 'FILE_ENCRYPTED', reason: 'encrypted PDF (needs a password); save an unprotected copy and add that' };
        }
        return { code: 'FILE_CORRUPT', reason: `corrupt PDF (${(error as Error | undefined)?.message ?? 'unreadable'}); re-export it from the program that made it` };
      }
      let text = '';
      const pages: number[] = [];
      const reversedPages: number[] = [];
      for (let number = 1; number <= document.numPages; number++) {
        let page;
        try {
          page = await document.getPage(number);
        } catch (error) {
          return { code: 'FILE_CORRUPT', reason: `corrupt PDF: page ${number} cannot be read (${(error as Error).message})` };
        }
        const content = await page.getTextContent();
        const body = pageText(content.items as TextItemLike[]);
        page.cleanup();
        if (number > 1) text += PAGE_BREAK;
        pages.push(text.length);
        text += body;
        if (looksReversed(body)) reversedPages.push(number);
      }
      if (text.trim() === '') {
        return { code: 'NO_TEXT_LAYER', reason: `no text layer: needs OCR (${document.numPages} page${document.numPages === 1 ? '' : 's'} of images only)` };
      }
      if (reversedPages.length > 0) {
        return {
          code: 'TEXT_REVERSED',
          reason: `Arabic text extracted in visual (reversed) order on page${reversedPages.length === 1 ? '' : 's'} ${reversedPages.slice(0, 5).join(', ')}${reversedPages.length > 5 ? '…' : ''}; not indexed (export the PDF again with a text layer in logical order, or add it as .txt)`,
        };
      }
      return { text, pages };
    } finally {
      await task.destroy();
    }
  },
};
