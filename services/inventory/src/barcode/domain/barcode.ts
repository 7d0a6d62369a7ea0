import { refuse } from '@dw/kernel';

/**
 * A piece's barcode label (货物条码化: every piece is labelled and scanned; rule INV-BARCODE-UNIQUE). Codes are
 * compared exactly; only characters barcode symbologies used on steel and rubber labels carry
 * (letters, digits, '-', '_', '.', '/') are accepted, at most 64 of them.
 */
const BARCODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

export function validateBarcode(barcode: string, field = 'barcode'): string {
  // rule INV-BARCODE-UNIQUE
  if (typeof barcode !== 'string' || !BARCODE_PATTERN.test(barcode)) {
    throw refuse.invalid('BARCODE_INVALID', `${field} must be 1-64 letters, digits, '.', '_', '/' or '-', got ${JSON.stringify(barcode)}`, field, {
      barcode,
    });
  }
  return barcode;
}
