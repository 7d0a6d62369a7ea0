import { refuse } from '@dw/kernel';

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character set (digits and capitals without I, O, Z, S, V); the 18th is a check character:
 * with weights 3^(i) mod 31 for positions 1–17 (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8,
 * 24, 10, 30, 28), check = 31 − (Σ value × weight mod 31), where 31 is written 0.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The code, upper-cased and trimmed, or 422 INVALID_TAXPAYER_ID naming what is wrong. */
export function assertUnifiedSocialCreditCode(value: string, field = 'taxpayerId'): string {
  // rule BILL-TAXPAYER-ID-USCC
  const code = value.trim().toUpperCase();
  const invalid = (reason: string, details: Record<string, unknown> = {}) =>
    refuse.invalid('INVALID_TAXPAYER_ID', `${JSON.stringify(value)} is not a unified social credit code: ${reason}`, field, { ...details, reason });
  if (code.length !== 18) throw invalid('it has 18 characters', { length: code.length });
  const values = [...code].map((char) => CHARSET.indexOf(char));
  const bad = values.findIndex((index) => index < 0);
  if (bad >= 0) throw invalid(`character ${bad + 1} is not one of ${CHARSET}`, { position: bad + 1 });
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * values[index]!, 0);
  const check = (31 - (sum % 31)) % 31;
  if (values[17] !== check) throw invalid('its check character does not match', { expected: CHARSET[check] });
  return code;
}
