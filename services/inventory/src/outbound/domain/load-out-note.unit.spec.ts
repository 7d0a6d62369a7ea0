import { createHash } from 'node:crypto';
import { loadOutNoteOf, type LoadOutNoteFacts } from './load-out-note';
import { pdfSafeText, renderPdf } from '@dw/kernel';

const facts = (pieces: number): LoadOutNoteFacts => ({
  orderId: 'out-ENT-R0001',
  loadNo: 1,
  noteId: 'out-ENT-R0001-L1',
  warehouse: 'WH-SH-01',
  owner: 'SC-0001',
  ownerParty: 'P-A',
  commodity: 'rb-400e-20-sg',
  entitlementId: 'ENT-R0001',
  receiptNumber: 'R0001',
  vehicle: '沪A12345',
  readingId: 'r-1',
  scaleId: 'hook-scale-2',
  grossKg: 21_970,
  tareKg: 15_950,
  lots: [
    {
      lotId: 'lot-1',
      pieces: Array.from({ length: pieces }, (_, i) => ({ barcode: `RB20-${String(i).padStart(6, '0')}`, bookKg: 2_000 })),
      bookKg: 2_000 * pieces,
      netKg: 2_000 * pieces + 20,
      overShortKg: 20,
      lotTotals: null,
    },
  ],
  pieces,
  bookKg: 2_000 * pieces,
  netKg: 2_000 * pieces + 20,
  overShortKg: 20,
  shippedOn: '2025-03-10',
  actor: 'operator-12',
  at: '2025-03-10T02:00:00Z',
});

/** Each object's byte offset as the xref table lists it, checked against where "n 0 obj" really starts. */
function xrefMatches(pdf: Buffer): boolean {
  const text = pdf.toString('latin1');
  const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
  const entries = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
  return entries.every((offset, i) => text.startsWith(`${i + 1} 0 obj`, offset));
}

describe('load-out note', () => {
  it('is the same PDF, with the same SHA-256, each time it is rendered from the same load-out', () => {
    const first = loadOutNoteOf(facts(3));
    const again = loadOutNoteOf(facts(3));
    expect(again.pdf.equals(first.pdf)).toBe(true);
    expect(first.sha256).toBe(createHash('sha256').update(first.pdf).digest('hex'));
    expect(loadOutNoteOf({ ...facts(3), overShortKg: 21 }).sha256).not.toBe(first.sha256);
  });

  it('is a PDF 1.4 file whose cross-reference table points at its objects, listing every barcode', () => {
    const { pdf } = loadOutNoteOf(facts(3));
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(xrefMatches(pdf)).toBe(true);
    for (const barcode of ['RB20-000000', 'RB20-000001', 'RB20-000002']) expect(text).toContain(barcode);
    expect(text).toContain('/BaseFont /Courier');
    // The plate 沪A12345: 沪 is U+6CAA, which Courier cannot show, so it is written as its code point.
    expect(text).toContain('Vehicle:       <U+6CAA>A12345');
    expect(text).toContain('over/short \\(net - book\\) +20 kg');
  });

  it('runs onto further pages when the pieces do not fit on one', () => {
    // An A4 page holds floor((842 − 2 × 50) / 12) = 61 lines; 14 header lines + 1 lot line +
    // 120 piece lines + 1 blank + 1 total = 137 lines → 3 pages.
    const { pdf } = loadOutNoteOf(facts(120));
    const text = pdf.toString('latin1');
    expect(text).toContain('/Count 3');
    expect(xrefMatches(pdf)).toBe(true);
    expect(text).toContain('page 3 of 3');
  });

  it('escapes what PDF strings reserve and writes non-ASCII text as code points', () => {
    expect(pdfSafeText('出库 (2)')).toBe('<U+51FA><U+5E93> (2)');
    const text = renderPdf({ title: 't', createdAt: '2025-03-10T02:00:00Z', producer: 'dw inventory', lines: ['a (b) \\ c'] }).toString('latin1');
    expect(text).toContain('(a \\(b\\) \\\\ c)');
    expect(text).toContain('/CreationDate (D:20250310020000Z)');
  });
});
