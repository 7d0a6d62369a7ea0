/**
 * A PostgreSQL `date` as node-pg hands it over: a Date at local midnight of that day. Its local
 * fields are the day; `toISOString()` would shift it to the day before wherever the process runs
 * east of UTC (Asia/Shanghai).
 */
export function dateOfPgDate(value: Date | string): string {
  if (typeof value === 'string') return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
