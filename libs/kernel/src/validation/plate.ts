// A mainland plate: the province's character, the issuing office's letter (no I or O), then 5
// characters (6 for a new-energy plate), the last possibly 挂 for a trailer; letters never I or O.
const PLATE = /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂]$/;

/**
 * The mainland plate number written in `value`, upper-cased without spaces or separators (cameras,
 * guards and operators write it either way), or null when it is not one. The gate refuses a
 * non-plate where a plate is typed; inventory passes a load-out's vehicle on normalised so the
 * gate finds the vehicle by it.
 */
export function normalisedPlate(value: string): string | null {
  const plate = typeof value === 'string' ? value.replace(/[\s·.-]/g, '').toUpperCase() : '';
  return PLATE.test(plate) ? plate : null;
}
