import { refuse } from '@dw/kernel';

/** An amount of goods in a lot: whole pieces and integer kilograms, both counted. */
export interface Quantity {
  readonly pieces: number;
  readonly kg: number;
}

export const NO_GOODS: Quantity = { pieces: 0, kg: 0 };

export const addQuantities = (a: Quantity, b: Quantity): Quantity => ({ pieces: a.pieces + b.pieces, kg: a.kg + b.kg });
export const subtractQuantities = (a: Quantity, b: Quantity): Quantity => ({ pieces: a.pieces - b.pieces, kg: a.kg - b.kg });
/** True when `a` is no more than `b` in pieces and in kg. */
export const fitsWithin = (a: Quantity, b: Quantity): boolean => a.pieces <= b.pieces && a.kg <= b.kg;

/**
 * Validates a quantity: whole numbers, something in it, and no negatives unless `signed`
 * (a stocktake correction); a signed quantity may not mix a gain in one unit with a loss in the other.
 */
export function validateQuantity(quantity: Quantity, field: string, signed = false): Quantity {
  const { pieces, kg } = quantity ?? { pieces: Number.NaN, kg: Number.NaN };
  for (const [unit, value] of [
    ['pieces', pieces],
    ['kg', kg],
  ] as const) {
    if (!Number.isSafeInteger(value) || (!signed && value < 0)) {
      throw refuse.invalid('QUANTITY_INVALID', `${field}.${unit} must be a whole number${signed ? '' : ' of at least 0'}, got ${value}`, `${field}.${unit}`, {
        value,
      });
    }
  }
  if (pieces === 0 && kg === 0) throw refuse.invalid('QUANTITY_INVALID', `${field} is empty`, field, { pieces, kg });
  if (pieces * kg < 0) {
    throw refuse.invalid('QUANTITY_INVALID', `${field} cannot add in one unit and take away in the other`, field, { pieces, kg });
  }
  return { pieces, kg };
}
