import { refuse } from '@dw/kernel';

// A mainland plate: the province's character, the issuing office's letter (no I or O), then 5
// characters (6 for a new-energy plate), the last possibly 挂 for a trailer; letters never I or O.
const PLATE = /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂]$/;

/** Refuses anything but a mainland plate number; returns it upper-cased without spaces, as cameras and guards may write it either way. */
export function requirePlate(value: string, field: string): string {
  // rule GATE-PLATE-FORMAT
  const plate = typeof value === 'string' ? value.replace(/[\s·.-]/g, '').toUpperCase() : '';
  if (!PLATE.test(plate)) throw refuse.invalid('PLATE_NUMBER_INVALID', `${field} is not a mainland plate number`, field, { plate: value });
  return plate;
}
