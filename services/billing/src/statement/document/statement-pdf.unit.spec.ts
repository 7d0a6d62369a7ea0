import { generateKeyPairSync } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFPage } from 'pdf-lib';
import { foldEvents, generateEd25519KeyPem, publicKeyPemOf } from '@dw/kernel';
import { statementBookDecider } from '../domain/statement-book.decider';
import { issueThrough, recordCharge, recordPayment, run, storageCharge, transferCharge } from '../domain/statement-book.fixtures.spec-helper';
import { pdfSafe, renderStatementPdf, type StatementDocument } from './statement-pdf';
import { signingKeyFromPem, signStatementPdf, verifyStatementPdf } from './statement-signature';

/** October 2026 of P-HENGDA: storage 500 fen and a transfer fee 1 000 fen on 10-30, a payment of 800 fen on 10-31; closing 700 fen. */
function octoberDocument(extraDays = 0): StatementDocument {
  // One receipt per extra line, each stored on 1 October: 15 fen/t × 1 000 kg = 15 fen.
  const extra = Array.from({ length: extraDays }, (_, index) => recordCharge(storageCharge(`WR${1000 + index}`, '2026-10-01', 1000, 15, 15)));
  const { events } = run([
    recordCharge(storageCharge('WR1', '2026-10-30', 33_333, 15, 500)),
    recordCharge(transferCharge('T1', 'WR1', '2026-10-30', 33_333, 30, 1000)),
    recordPayment('PAY-1', 800, '2026-10-31'),
    ...extra,
    issueThrough('2026-10', '2026-11-01T01:00:00Z'),
  ]);
  const statement = foldEvents(statementBookDecider, events).statements[0]!;
  return { partyId: 'P-HENGDA', issuedAt: '2026-11-01T01:00:00.000Z', statement };
}

/** The text a page draws: pdf-lib writes each standard-font string as hex WinAnsi codes before `Tj`. */
function textOf(page: PDFPage): string[] {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  const source = streams
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .map((stream) => (stream.dict.get(PDFName.of('Filter')) ? inflateSync(stream.contents) : Buffer.from(stream.contents)).toString('latin1'))
    .join('\n');
  return [...source.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((match) => Buffer.from(match[1]!, 'hex').toString('latin1'));
}

describe('statement PDF', () => {
  it('loads back with pdf-lib and holds the statement’s figures and every line with its rate', async () => {
    const bytes = await renderStatementPdf(octoberDocument());
    const loaded = await PDFDocument.load(bytes);
    expect([loaded.getPageCount(), loaded.getTitle(), loaded.getCreationDate()?.toISOString()]).toEqual([
      1,
      'Statement STMT-2026-10-P-HENGDA version 1',
      '2026-11-01T01:00:00.000Z',
    ]);
    const text = textOf(loaded.getPage(0));
    // Closing 0 + 1 500 − 800 = 700 fen = 7.00 yuan; the lines as the statement numbers them.
    expect(text).toEqual(expect.arrayContaining(['STMT-2026-10-P-HENGDA (version 1)', '0.00 yuan', '15.00 yuan', '8.00 yuan']));
    expect(text.find((cell) => cell.startsWith('7.00 yuan'))).toBe('7.00 yuan (positive: owed to the warehouse)');
    const row = (lineNo: string) => text.slice(text.indexOf(lineNo), text.indexOf(lineNo) + 10);
    expect(row('1')).toEqual(['1', '2026-10-30', 'charge', 'storage', 'WR1', '', '2026-10-30', '33.333', '15 (contract v1)', '5.00']);
    expect(row('2')).toEqual(['2', '2026-10-30', 'charge', 'transfer', 'WR1', '', '2026-10-30', '33.333', '30 (default v1)', '10.00']);
    expect(row('3')).toEqual(['3', '2026-10-31', 'payment', '', '', '', '', '', '', '-8.00']);
  });

  it('runs onto further pages, repeating the column titles, and renders the same bytes every time', async () => {
    const document = octoberDocument(120);
    const bytes = await renderStatementPdf(document);
    const loaded = await PDFDocument.load(bytes);
    expect(loaded.getPageCount()).toBeGreaterThan(1);
    expect(textOf(loaded.getPage(1)).slice(0, 3)).toEqual(['No.', 'Date', 'Kind']);
    const numbers = loaded
      .getPages()
      .flatMap((page) => textOf(page))
      .filter((cell) => /^\d+$/.test(cell));
    expect(numbers.at(-1)).toBe(String(document.statement.lines.length));
    expect(Buffer.from(await renderStatementPdf(document)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes characters the standard fonts cannot encode as their code points', () => {
    expect(pdfSafe('恒达 P-1')).toBe('U+6052U+8FBE P-1');
  });
});

describe('statement signature', () => {
  it('a signed statement PDF verifies; one byte changed fails verification', async () => {
    const key = signingKeyFromPem(generateEd25519KeyPem());
    const bytes = await renderStatementPdf(octoberDocument());
    const signature = signStatementPdf(bytes, key);
    expect(verifyStatementPdf(bytes, signature, publicKeyPemOf(key))).toBe(true);

    const tampered = Uint8Array.from(bytes);
    const at = Math.floor(tampered.length / 2);
    tampered[at] = tampered[at]! ^ 0x01;
    expect(verifyStatementPdf(tampered, signature, publicKeyPemOf(key))).toBe(false);

    const stranger = signingKeyFromPem(generateEd25519KeyPem());
    expect(verifyStatementPdf(bytes, signature, publicKeyPemOf(stranger))).toBe(false);
    expect(verifyStatementPdf(bytes, 'bm90IGEgc2lnbmF0dXJl', publicKeyPemOf(key))).toBe(false);
  });

  it('refuses a signing key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => signingKeyFromPem(rsa)).toThrow('STATEMENT_SIGNING_KEY must be an Ed25519 private key, not rsa');
  });
});
