/** Who a hold protects; only it may lift the hold. */
export interface Beneficiary {
  readonly kind: 'bank' | 'exchange' | 'court';
  readonly partyId: string;
  readonly name: string;
}

/**
 * - pledge: collateral for a bank loan, placed by the holder, lifted by the bank;
 * - freeze: by the exchange or a court, placed and lifted by that authority;
 * - delivery: the exchange holds a receipt allocated to a futures delivery.
 */
export type HoldKind = 'pledge' | 'freeze' | 'delivery';

export const BENEFICIARY_KINDS: Readonly<Record<HoldKind, readonly Beneficiary['kind'][]>> = {
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
