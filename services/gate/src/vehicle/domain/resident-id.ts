import { localDate, refuse } from '@dw/kernel';

// 《公民身份号码》GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence, and a
// check character over the first 17 digits (ISO 7064 MOD 11-2).
const PATTERN = /^\d{17}[\dX]$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// The check character for each remainder 0 … 10 of the weighted sum mod 11.
const CHECK_CHARACTERS = '10X98765432';

/** The GB 11643 check character of the first 17 digits of a resident ID number. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return CHECK_CHARACTERS[sum % 11]!;
}

/**
 * Refuses anything but an 18-character resident ID number whose birth date is a real day and whose
 * check character is right (a lower-case x is taken as X); returns it normalised. The guard checks
 * the driver's card against it, and the blacklist is keyed by it, so a typo must fail here.
 */
export function requireResidentId(value: string, field: string): string {
  // rule GATE-DRIVER-ID
  const id = typeof value === 'string' ? value.trim().toUpperCase() : '';
  const invalid = (reason: string) => refuse.invalid('RESIDENT_ID_INVALID', `${field} is not a valid resident ID number (${reason})`, field, { reason });
  if (!PATTERN.test(id)) throw invalid('format');
  try {
    localDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, field);
  } catch {
    throw invalid('birth_date');
  }
  if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) throw invalid('check_digit');
  return id;
}

/** An 11-digit mainland mobile number (1, then 3-9, then 9 digits). */
export function requireMobile(value: string, field: string): string {
  const mobile = typeof value === 'string' ? value.trim() : '';
  if (!/^1[3-9]\d{9}$/.test(mobile)) throw refuse.invalid('MOBILE_NUMBER_INVALID', `${field} is not an 11-digit mainland mobile number`, field);
  return mobile;
}
