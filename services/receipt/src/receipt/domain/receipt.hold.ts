/** Who a hold protects; only it may lift the hold. */
export interface Beneficiary {
  readonly kind: 'bank' | 'exchange' | 'court';
  readonly partyId: string;
  readonly name: string;
}

/**
 * - pledge: collateral for a bank loan, placed by the holder, lifted by the bank;
 * - freeze: by the exchange or a court, placed and lifted by that authority;
 * - delivery: the exchange holds a receipt allocated to a futures delivery;
 * - trading: the receipt is on a listing of the exchange's receipt trading platform (标准仓单交易管理办法
 *   第十九条): placed with the listing, lifted by its close or by the settlement of a take, never by a
 *   PlaceHold / ReleaseHold of its own (see receipt.trading.ts).
 */
export type HoldKind = 'pledge' | 'freeze' | 'delivery' | 'trading';

/** The kinds a PlaceHold may place: the trading hold comes only with a listing. */
export type PlaceableHoldKind = Exclude<HoldKind, 'trading'>;

export const BENEFICIARY_KINDS: Readonly<Record<PlaceableHoldKind, readonly Beneficiary['kind'][]>> = {
  pledge: ['bank'],
  freeze: ['exchange', 'court'],
  delivery: ['exchange'],
};

export interface Hold {
  readonly holdId: string;
  readonly kind: HoldKind;
  readonly beneficiary: Beneficiary;
  readonly reason: string;
  readonly placedAt: string;
}

export function isPlaceableHoldKind(kind: string): kind is PlaceableHoldKind {
  return Object.prototype.hasOwnProperty.call(BENEFICIARY_KINDS, kind);
}
