import type { DocumentReader, ReadRefusal, ReadText } from './reader-types.js';
import { checkZip } from './zip-check.js';

/** Word (.docx): the raw text of the body with mammoth, paragraphs separated by a blank line. */
export const docxReader: DocumentReader = {
  name: 'docx',
  extensions: ['.docx'],
  version: 1,
  async read(bytes): Promise<ReadText | ReadRefusal> {
    const zip = checkZip(bytes);
    if ('code' in zip) return zip;
    if (zip.names.some((n) => n === 'EncryptedPackage' || n === 'EncryptionInfo')) {
      return { code: 'FILE_ENCRYPTED', reason: 'encrypted Word document; save an unprotected copy and add that' };
    }
    if (!zip.names.includes('word/document.xml')) {
      return { code: 'FILE_TYPE_MISMATCH', reason: 'a zip archive but not a Word document (no word/document.xml)' };
    }
    const mammoth = (await import('mammoth')).default;
    let value: string;
    try {
      ({ value } = await mammoth.extractRawText({ buffer: bytes }));
    } catch (error) {
      return { code: 'FILE_CORRUPT', reason: `corrupt Word document (${(error as Error).message}); re-save it from Word or LibreOffice` };
    }
    return { text: value.replace(/[ \t]+\n/g, '\n').replace(/\s+$/, '') };
  },
};
