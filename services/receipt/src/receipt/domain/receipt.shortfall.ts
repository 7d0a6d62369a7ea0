/**
 * Goods found missing behind a receipt: a stocktake variance inventory wrote off with a manager's
 * approval (its StockShortfallDetected), as the receipt records it. Keyed by the variance id,
 * unique within its stocktake, so a redelivered alarm is recognised and a resolution names it.
 */
export interface GoodsShortfall {
  readonly varianceId: string;
  readonly stocktakeId: string;
  readonly lotId: string;
  /** Negative: pieces the lot's book lost (0 for a piece weighed light). */
  readonly deltaPieces: number;
  /** Negative whole kg the lot's book lost. */
  readonly deltaKg: number;
  /** The inventory manager who approved the write-off, and why. */
  readonly approver: string;
  readonly approvalReason: string;
  readonly detectedAt: string;
  /** Pledgee banks and stock-freeze holders inventory named as reached by the loss. */
  readonly pledgedTo: readonly string[];
  readonly recordedAt: string;
  /** Null while open: the receipt stands on less goods than it states. */
  readonly resolution: ShortfallResolution | null;
}

/**
 * How the warehouse answered for goods missing from its custody:
 * - replenished: the goods are back in full (found by a later count, or made good), `reference`
 *   naming the stocktake or variance that found them;
 * - settled: the warehouse compensated the holder as agreed, `reference` naming the settlement.
 */
export type ShortfallOutcome = 'replenished' | 'settled';

export const SHORTFALL_OUTCOMES: readonly ShortfallOutcome[] = ['replenished', 'settled'];

export interface ShortfallResolution {
  readonly outcome: ShortfallOutcome;
  readonly reference: string;
  readonly reason: string;
  readonly resolvedBy: string;
  readonly resolvedAt: string;
}

export function openShortfallsOf(shortfalls: readonly GoodsShortfall[]): GoodsShortfall[] {
  return shortfalls.filter((shortfall) => shortfall.resolution === null);
}

/** The resolution a GoodsShortfallResolved event states, as the receipt (and its read model) keeps it. */
export function resolutionOf(resolved: {
  readonly outcome: ShortfallOutcome;
  readonly reference: string;
  readonly reason: string;
  readonly actor: { readonly subject: string };
  readonly at: string;
}): ShortfallResolution {
  const { outcome, reference, reason, actor, at } = resolved;
  return { outcome, reference, reason, resolvedBy: actor.subject, resolvedAt: at };
}
