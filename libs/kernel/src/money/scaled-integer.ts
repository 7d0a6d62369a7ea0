import { refuse } from '../errors/domain-error';

/**
 * Quantities held as integer counts of a minor unit (fen for CNY, kilograms for tonnes), shared by
 * money and weight so both parse, print and add the same way. Values are JavaScript numbers kept
 * to safe integers (|n| ≤ 2^53 − 1 = 9,007,199,254,740,991): inside that range every integer is
 * exact and + − compare are exact; anything that would leave it is refused, never rounded.
 */
export interface ScaledUnit {
  /** Digits after the point in the major unit: 2 for yuan → fen, 3 for tonnes → kg. */
  decimals: number;
  /** What the caller is told about, e.g. 'amount'. */
  noun: string;
  majorUnit: string;
  invalidCode: string;
  overflowCode: string;
}

export interface QuantityOptions {
  /** The input's name, reported in errors (e.g. 'storageFee'). */
  field?: string;
  /** Negatives are refused unless the caller says they mean something (a refund, a shortfall). */
  allowNegative?: boolean;
}

export type QuantityRefusal = 'format' | 'decimals' | 'not_integer' | 'unsafe_integer' | 'negative';

export function integerQuantity(unit: ScaledUnit, value: number, options: QuantityOptions = {}): number {
  const field = options.field ?? unit.noun;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw refusal(unit, field, value, 'not_integer', `${field} must be a whole number of the minor unit, got ${String(value)}`);
  }
  if (!Number.isSafeInteger(value)) {
    throw refusal(unit, field, value, 'unsafe_integer', `${field} ${value} is beyond ±${Number.MAX_SAFE_INTEGER}`);
  }
  if (value < 0 && !options.allowNegative) throw refusal(unit, field, value, 'negative', `${field} must not be negative, got ${value}`);
  return value === 0 ? 0 : value; // never hand out -0
}

/**
 * Parses a plain decimal in the major unit: digits, optionally '.' and 1..`decimals` digits,
 * optionally a leading '-'. No exponents, signs '+', spaces, separators, leading zeros or bare
 * points, so '12.3', '0.05' and '-7' pass and '1e3', '.5', '1.', '01', '1,000', 'NaN' do not.
 */
export function parseQuantity(unit: ScaledUnit, text: string, options: QuantityOptions = {}): number {
  const field = options.field ?? unit.noun;
  const match = typeof text === 'string' ? /^(-?)(0|[1-9]\d*)(?:\.(\d+))?$/.exec(text) : null;
  if (!match) {
    throw refusal(unit, field, text, 'format', `${field} must be a decimal number of ${unit.majorUnit} like ${example(unit)}, got ${JSON.stringify(text)}`);
  }
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > unit.decimals) {
    throw refusal(unit, field, text, 'decimals', `${field} ${text} has more than ${unit.decimals} decimals`);
  }
  if (sign && !options.allowNegative) throw refusal(unit, field, text, 'negative', `${field} must not be negative, got ${text}`);
  const magnitude = BigInt(whole + fraction.padEnd(unit.decimals, '0'));
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw refusal(unit, field, text, 'unsafe_integer', `${field} ${text} is beyond the supported range`);
  }
  return integerQuantity(unit, Number(sign ? -magnitude : magnitude), { field, allowNegative: true });
}

/** '12.34' style: always exactly `decimals` digits after the point, '-' for negatives, no grouping. */
export function formatQuantity(unit: ScaledUnit, value: number): string {
  const valid = integerQuantity(unit, value, { allowNegative: true });
  const scale = 10 ** unit.decimals;
  const magnitude = Math.abs(valid);
  const whole = Math.floor(magnitude / scale);
  const fraction = String(magnitude % scale).padStart(unit.decimals, '0');
  return `${valid < 0 ? '-' : ''}${whole}.${fraction}`;
}

/** Exact sum; refuses (overflowCode) if the total leaves the safe range. Operands may be negative. */
export function sumQuantities(unit: ScaledUnit, values: readonly number[], field = unit.noun): number {
  let total = 0n;
  for (const value of values) total += BigInt(integerQuantity(unit, value, { field, allowNegative: true }));
  return checkedResult(unit, total, field);
}

/** Converts an exact BigInt result back to a number, or refuses with the unit's overflow code. */
export function checkedResult(unit: ScaledUnit, value: bigint, field = unit.noun): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw refuse.invalid(unit.overflowCode, `${field} would be ${value}, beyond ±${Number.MAX_SAFE_INTEGER}`, field, { value: value.toString() });
  }
  return Number(value);
}

function refusal(unit: ScaledUnit, field: string, value: unknown, reason: QuantityRefusal, message: string) {
  return refuse.invalid(unit.invalidCode, message, field, { value: typeof value === 'number' && Number.isFinite(value) ? value : String(value), reason });
}

function example(unit: ScaledUnit): string {
  return `12.${'3456'.slice(0, unit.decimals)}`;
}
