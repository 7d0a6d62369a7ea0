import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { type Fen, formatTonnes, formatYuan, type Kg } from '@dw/kernel';
import type { Statement } from '../domain/statement-book.decider';
import type { StatementLine } from '../domain/statement-book.events';

/** What the PDF shows: the statement's latest version, its party, and when that version was issued. */
export interface StatementDocument {
  readonly partyId: string;
  readonly issuedAt: string;
  readonly statement: Statement;
}

const PAGE = { width: 595.28, height: 841.89, margin: 40 } as const; // A4 in points
const LINE_HEIGHT = 13;
const FONT_SIZE = 8;
const COLUMNS: readonly { readonly title: string; readonly x: number; readonly right?: boolean }[] = [
  { title: 'No.', x: 40 },
  { title: 'Date', x: 62 },
  { title: 'Kind', x: 112 },
  { title: 'Item', x: 158 },
  { title: 'Receipt', x: 212 },
  { title: 'Lot', x: 272 },
  { title: 'Service day', x: 322 },
  { title: 'Weight t', x: 410, right: true },
  { title: 'Rate fen/t', x: 458, right: true },
  { title: 'Amount yuan', x: 555, right: true },
];

/**
 * The standard PDF fonts encode WinAnsi only, and nothing else is shipped, so the document is in
 * English and every character outside printable ASCII (a party id or a reason typed in Chinese)
 * is written as its code point, U+XXXX: nothing is dropped or mis-encoded, and the text can be
 * traced back to the data exactly.
 */
export function pdfSafe(text: string): string {
  return [...text].map((char) => (/^[\x20-\x7e]$/.test(char) ? char : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)).join('');
}

const yuan = (amountFen: number) => formatYuan(amountFen as Fen);

function cellsOf(line: StatementLine): string[] {
  return [
    String(line.lineNo),
    line.date,
    line.kind,
    line.item ?? '',
    line.receiptNumber ?? '',
    line.lotId ?? '',
    line.serviceDate ?? '',
    line.weightKg === null ? '' : formatTonnes(line.weightKg as Kg),
    line.rateFen === null ? '' : `${line.rateFen} (${line.rateSource ?? ''} v${line.rateVersion ?? ''})`,
    yuan(line.amountFen),
  ].map(pdfSafe);
}

/**
 * Renders a statement as a PDF, byte for byte the same every time for the same statement
 * version: the dates in its metadata are the version's issue instant and nothing else varies,
 * so the signature over the bytes can be checked against a document downloaded again later.
 */
export async function renderStatementPdf(document: StatementDocument): Promise<Uint8Array> {
  const { statement, partyId, issuedAt } = document;
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const issued = new Date(issuedAt);
  pdf.setTitle(pdfSafe(`Statement ${statement.statementId} version ${statement.version}`));
  pdf.setSubject(pdfSafe(`Billing statement of party ${partyId} for ${statement.period}`));
  pdf.setProducer('delivery-warehouse billing');
  pdf.setCreator('delivery-warehouse billing');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);

  let page = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const write = (text: string, x: number, options: { font?: PDFFont; size?: number; right?: boolean; on?: PDFPage } = {}) => {
    const used = options.font ?? font;
    const size = options.size ?? FONT_SIZE;
    const safe = pdfSafe(text);
    (options.on ?? page).drawText(safe, { x: options.right ? x - used.widthOfTextAtSize(safe, size) : x, y, size, font: used });
  };

  write('Delivery warehouse - billing statement', PAGE.margin, { font: bold, size: 14 });
  y -= 22;
  for (const [label, value] of [
    ['Statement', `${statement.statementId} (version ${statement.version})`],
    ['Party', partyId],
    ['Period', `${statement.period} (calendar month, Asia/Shanghai)`],
    ['Issued at', `${issuedAt} (UTC)`],
    ['Opening balance', `${yuan(statement.openingBalanceFen)} yuan`],
    ['Charges', `${yuan(statement.chargesFen)} yuan`],
    ['Reversals', `${yuan(statement.reversalsFen)} yuan`],
    ['Payments', `${yuan(statement.paymentsFen)} yuan`],
    ['Withdrawals paid out', `${yuan(statement.withdrawalsFen)} yuan`],
    ['Closing balance', `${yuan(statement.closingBalanceFen)} yuan (positive: owed to the warehouse)`],
  ] as const) {
    write(`${label}:`, PAGE.margin, { font: bold, size: 9 });
    write(value, 150, { size: 9 });
    y -= LINE_HEIGHT;
  }
  y -= LINE_HEIGHT;
  const header = () => {
    for (const column of COLUMNS) write(column.title, column.x, { font: bold, right: column.right });
    y -= LINE_HEIGHT;
  };
  header();
  for (const line of statement.lines) {
    if (y < PAGE.margin) {
      page = pdf.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - PAGE.margin;
      header();
    }
    cellsOf(line).forEach((cell, index) => write(cell, COLUMNS[index]!.x, { right: COLUMNS[index]!.right }));
    y -= LINE_HEIGHT;
  }
  if (statement.lines.length === 0) write('No charges, payments or withdrawals in the period.', PAGE.margin);
  return pdf.save({ useObjectStreams: false });
}
