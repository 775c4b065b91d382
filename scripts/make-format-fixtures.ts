/**
 * Writes the small PDF, DOCX and HTML files under tests/fixtures/formats/ that the format tests read.
 * No office suite or PDF tool is needed (CI has none): the PDF is written object by object with a
 * ToUnicode map (the text layer is all pdf.js reads), the DOCX is a zip of three XML parts.
 * Run: npx tsx scripts/make-format-fixtures.ts   (the outputs are committed; rerun after editing)
 */
import { crc32, deflateRawSync } from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------- PDF ----------

/** A line in visual order: what a PDF producer draws left to right for a right-to-left line. */
function visualOrder(line: string): string {
  const runs = line.match(/[0-9A-Za-z.,:%-]+|[^0-9A-Za-z.,:%-]/g) ?? [];
  return runs.reverse().join('');
}

export interface PdfOptions {
  /** Each page is a list of lines. */
  pages: string[][];
  /** How the glyphs are drawn: 'visual' (as most producers draw Arabic) or 'logical'. */
  order?: 'visual' | 'logical';
  /** A /Encrypt dictionary whose passwords cannot be empty: readers must ask for a password. */
  encrypted?: boolean;
}

/** A PDF whose text layer holds `pages` (a Type0 font, Identity-H, one 2-byte code per character). */
export function makePdf(options: PdfOptions): Buffer {
  const chars = [...new Set(options.pages.flat().join(''))];
  const code = new Map(chars.map((c, i) => [c, i + 1]));
  const hex = (s: string) => [...s].map((c) => code.get(c)!.toString(16).padStart(4, '0')).join('');
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) as number; // returns the object number
  const catalog = add('');
  const pagesObj = add('');
  const cmapLines = chars.map((c, i) => `<${(i + 1).toString(16).padStart(4, '0')}> <${c.codePointAt(0)!.toString(16).padStart(4, '0')}>`);
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Isnad-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${cmapLines.length} beginbfchar`, ...cmapLines, 'endbfchar',
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const toUnicode = add(`<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`);
  const descriptor = add('<< /Type /FontDescriptor /FontName /IsnadSans /Flags 32 /FontBBox [0 -300 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -300 /CapHeight 700 /StemV 80 >>');
  const descendant = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /IsnadSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /CIDToGIDMap /Identity /FontDescriptor ${descriptor} 0 R >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /IsnadSans /Encoding /Identity-H /DescendantFonts [${descendant} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const pageNumbers: number[] = [];
  for (const lines of options.pages) {
    const ops = lines.length === 0
      ? '0.8 g 50 50 495 742 re f' // a "scanned" page: something drawn, no text
      : ['BT', '/F1 14 Tf', ...lines.map((line, i) => {
          const drawn = (options.order ?? 'visual') === 'visual' ? visualOrder(line) : line;
          return `1 0 0 1 60 ${780 - i * 24} Tm <${hex(drawn)}> Tj`;
        }), 'ET'].join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops)} >>\nstream\n${ops}\nendstream`);
    pageNumbers.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageNumbers.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageNumbers.length} >>`;
  let encrypt = '';
  if (options.encrypted) {
    const junk = '<' + 'A5'.repeat(32) + '>';
    encrypt = ` /Encrypt ${add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O ${junk} /U ${junk} >>`)} 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]`;
  }
  let out = '%PDF-1.7\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ---------- zip / DOCX ----------

/** A zip archive (deflated entries, fixed timestamp so reruns write identical bytes). */
export function makeZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5821, 12); // 2024-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x5821, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal Word document: one paragraph per string, right-to-left. */
export function makeDocx(paragraphs: string[], documentXml?: Buffer): Buffer {
  const body = paragraphs
    .map((p) => `<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`)
    .join('');
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>') },
    { name: '_rels/.rels', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') },
    { name: 'word/document.xml', data: documentXml ?? Buffer.from(xml) },
  ]);
}

// ---------- the fixtures ----------

export const PDF_PAGES = [
  ['تقرير لجنة المياه في المدينة', 'أعلنت اللجنة أن محطة التحلية الجديدة', 'ستنتج عشرين ألف متر مكعب يوميا.'],
  ['وقالت اللجنة إن الأعمال بدأت في الربيع', 'وإن المحطة تعمل بالطاقة الشمسية', 'وتخدم الأحياء الشرقية من المدينة.'],
];

export const DOCX_PARAGRAPHS = [
  'بيان المجلس البلدي',
  'قرر المجلس البلدي افتتاح مكتبة عامة جديدة في وسط المدينة.',
  'وتضم المكتبة قاعة للمطالعة وركنا لكتب الأطفال، وتفتح أبوابها كل يوم.',
];

export const HTML_PAGE = `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>مقال</title>
<style>body { font-family: serif } .x::after { content: "نص من الأنماط" }</style>
<script>document.write("نص من سكربت");</script></head>
<body>
<header><a href="/">الصفحة الرئيسية</a></header>
<nav><ul><li><a href="/news">الأخبار</a></li><li><a href="/sport">الرياضة</a></li></ul></nav>
<main>
<h1>مهرجان الكتاب السنوي</h1>
<p>افتتح مهرجان الكتاب السنوي أمس بمشاركة &amp; حضور مئة وعشرين دار نشر.</p>
<p>ويستمر المهرجان عشرة أيام،<br>وتقام فيه ندوات يومية للشعراء.</p>
</main>
<aside>إعلان: اشترك في النشرة</aside>
<footer>جميع الحقوق محفوظة</footer>
</body></html>
`;

export function writeFixtures(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const write = (name: string, data: Buffer | string) => fs.writeFileSync(path.join(dir, name), data);
  write('report.pdf', makePdf({ pages: PDF_PAGES }));
  write('reversed.pdf', makePdf({ pages: PDF_PAGES, order: 'logical' }));
  write('scanned.pdf', makePdf({ pages: [[], []] }));
  write('encrypted.pdf', makePdf({ pages: PDF_PAGES, encrypted: true }));
  write('statement.docx', makeDocx(DOCX_PARAGRAPHS));
  write('article.html', HTML_PAGE);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'formats');
  writeFixtures(dir);
  console.log(`Wrote ${fs.readdirSync(dir).length} files to ${path.relative(process.cwd(), dir)}`);
}
