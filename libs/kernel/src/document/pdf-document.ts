/**
 * A small PDF 1.4 writer for text documents: A4 pages of lines in the standard Courier font
 * (one of the 14 fonts every PDF reader has, so nothing is embedded; fixed width, so columns line up), WinAnsi encoding. It is
 * deterministic: the same lines and date always give the same bytes, so a document's SHA-256
 * can be recorded when it is issued and checked by anyone who downloads it again.
 *
 * Courier has no CJK glyphs: a character outside printable ASCII is written as its code point
 * in angle brackets (沪 → <U+6CAA>), so nothing of the source text is lost or guessed.
 */
export interface PdfText {
  readonly title: string;
  /** ISO instant the document is dated (its CreationDate), never the time of rendering. */
  readonly createdAt: string;
  /** The service that issues it (the PDF's Producer), e.g. `dw inventory`. */
  readonly producer: string;
  readonly lines: readonly string[];
}

const PAGE = { width: 595, height: 842, margin: 50, fontSize: 9, leading: 12 } as const;
const LINES_PER_PAGE = Math.floor((PAGE.height - 2 * PAGE.margin) / PAGE.leading);

/** The line as Courier can show it: printable ASCII kept, anything else as <U+XXXX>. */
export function pdfSafeText(text: string): string {
  let safe = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    safe += code >= 0x20 && code <= 0x7e ? char : `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  }
  return safe;
}

/** A PDF string literal: backslash, parentheses escaped. */
const literal = (text: string): string => `(${pdfSafeText(text).replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** PDF date D:YYYYMMDDHHmmSSZ of an ISO instant, in UTC. */
function pdfDate(instant: string): string {
  const iso = new Date(instant).toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

export function renderPdf(document: PdfText): Buffer {
  const pages: string[][] = [];
  for (let i = 0; i < Math.max(1, document.lines.length); i += LINES_PER_PAGE) pages.push(document.lines.slice(i, i + LINES_PER_PAGE));
  // Objects: 1 catalog, 2 page tree, 3 font, 4 info, then per page its page object and its content stream.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 5 + 2 * i);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title ${literal(document.title)} /Producer ${literal(document.producer)} /CreationDate (${pdfDate(document.createdAt)}) >>`;
  pages.forEach((lines, i) => {
    const top = PAGE.height - PAGE.margin - PAGE.fontSize;
    const footer = `${document.title} - page ${i + 1} of ${pages.length}`;
    const content = [
      'BT',
      `/F1 ${PAGE.fontSize} Tf`,
      `${PAGE.leading} TL`,
      `${PAGE.margin} ${top} Td`,
      ...lines.map((line) => `${literal(line)} '`),
      'ET',
      'BT',
      `/F1 8 Tf ${PAGE.margin} ${PAGE.margin / 2} Td ${literal(footer)} Tj`,
      'ET',
    ].join('\n');
    objects[pageIds[i]!] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  // The header's second line marks the file as binary for transfer tools (bytes above 127).
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
