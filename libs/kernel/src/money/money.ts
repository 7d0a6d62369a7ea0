import { QuantityOptions, ScaledUnit, checkedResult, formatQuantity, integerQuantity, parseQuantity, sumQuantities } from './scaled-integer';

/**
 * An amount of CNY in integer fen (0.01 yuan), never a binary fraction. Held as a JavaScript
 * number restricted to safe integers: ±9,007,199,254,740,991 fen ≈ ±9.0e13 yuan (90 trillion),
 * far above any warehouse's fees, proceeds or guarantees; every operation checks the range and
 * refuses with AMOUNT_OVERFLOW rather than lose a fen. Inputs are refused when negative unless
 * `allowNegative` is given (refunds, corrections); sums and differences may be negative.
 */
export type Fen = number & { readonly __brand: 'Fen' };

const FEN: ScaledUnit = { decimals: 2, noun: 'amount', majorUnit: 'yuan', invalidCode: 'INVALID_AMOUNT', overflowCode: 'AMOUNT_OVERFLOW' };

/** A whole number of fen; INVALID_AMOUNT (reason not_integer | unsafe_integer | negative) otherwise. */
export function fen(value: number, options?: QuantityOptions): Fen {
  return integerQuantity(FEN, value, options) as Fen;
}

/**
 * Parses yuan written as a plain decimal string with at most 2 decimals: '12.34' → 1234 fen.
 * Refuses (INVALID_AMOUNT) '1.234' (decimals), '1e3', '', 'NaN', ' 1', '+1', '1,000' (format)
 * and '-1' (negative) unless `allowNegative`. Strings, not numbers, so no float ever carries money.
 */
export function yuanToFen(text: string, options?: QuantityOptions): Fen {
  return parseQuantity(FEN, text, options) as Fen;
}

/** 1234 fen → '12.34'; always two decimals, '-' for negatives, no grouping or currency sign. */
export function formatYuan(amount: Fen): string {
  return formatQuantity(FEN, amount);
}

export function addFen(a: Fen, b: Fen): Fen {
  return sumQuantities(FEN, [a, b]) as Fen;
}

export function subtractFen(a: Fen, b: Fen): Fen {
  return sumQuantities(FEN, [a, -fen(b, { allowNegative: true })]) as Fen;
}

/** The exact total (0 for none); only the total, not a running sum, must stay in range. */
export function sumFen(amounts: readonly Fen[]): Fen {
  return sumQuantities(FEN, amounts) as Fen;
}

/** An exact BigInt result (of a fee formula) as Fen, or AMOUNT_OVERFLOW. */
export function fenFromBigInt(value: bigint, field?: string): Fen {
  return checkedResult(FEN, value, field) as Fen;
}
