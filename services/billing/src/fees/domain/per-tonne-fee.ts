import { Fen, fen, kg, perTonneCharge } from '@dw/kernel';

/**
 * A fee in integer fen from a rate in integer fen per tonne (or per tonne per day, for one day)
 * and an actual weight in integer kg: rate × kg / 1000, computed exactly and rounded ONCE, half
 * up (四舍五入) to the fen. One fee is one charge: one receipt's storage for one day, one
 * transfer, one load-in or load-out; totals add charges already rounded, so a statement's lines
 * add up to its total and a day's charge never changes when later days are added.
 */
export function perTonneFee(rateFen: number, weightKg: number): Fen {
  // rule BILL-FEE-ROUNDING
  return perTonneCharge(fen(rateFen, { field: 'rateFen' }), kg(weightKg, { field: 'weightKg' }), 1, 'half-up');
}
