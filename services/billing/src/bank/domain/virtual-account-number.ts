/**
 * Virtual account numbers (虚拟账号): the sub-account of the warehouse's collection account at one
 * bank that identifies one depositor, so the bank's notification of a payment names its payer.
 *
 * Format (house rule BILL-BANK-VIRTUAL-ACCOUNT): 12 digits, `88` (the warehouse's virtual
 * sub-account range), the bank's 9-digit assignment sequence, and a Luhn check digit over the
 * first 11, the check bank card numbers carry (GB/T 14916 for cards; ISO/IEC 7812-1 Annex B), so
 * a mistyped digit or two swapped neighbours is caught before any lookup.
 */
export const VIRTUAL_ACCOUNT_PREFIX = '88';
const SEQUENCE_DIGITS = 9;
const FORMAT = /^88\d{10}$/;

/** The Luhn check digit of a string of digits: doubled every second digit from the right of the payload. */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let index = 0; index < payload.length; index += 1) {
    const digit = Number(payload[payload.length - 1 - index]);
    const weighted = index % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return (10 - (sum % 10)) % 10;
}

/** The number of the `sequence`-th virtual account (1-based) assigned at one bank. */
export function virtualAccountNumberOf(sequence: number): string {
  // rule BILL-BANK-VIRTUAL-ACCOUNT
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence >= 10 ** SEQUENCE_DIGITS) {
    throw new RangeError(`a virtual account sequence is 1 to ${10 ** SEQUENCE_DIGITS - 1}, got ${sequence}`);
  }
  const payload = `${VIRTUAL_ACCOUNT_PREFIX}${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

/** True for a number of the format above whose check digit is right. */
export function isWellFormedVirtualAccount(text: string): boolean {
  return FORMAT.test(text) && luhnCheckDigit(text.slice(0, -1)) === Number(text.at(-1));
}
