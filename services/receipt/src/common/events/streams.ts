/**
 * Stream ids and types of the receipt service's log. One stream per aggregate instance, so an
 * aggregate's invariants are guarded by its stream's expected version; the prefix names the
 * aggregate (and is the Kafka key of its public events).
 */
export interface StreamRef {
  readonly streamId: string;
  readonly streamType: string;
}

export const streams = {
  storageCard: (cardNumber: string): StreamRef => ({ streamId: `storage-card-${cardNumber}`, streamType: 'storage-card' }),
  receiptRule: (commodity: string): StreamRef => ({ streamId: `receipt-rule-${commodity}`, streamType: 'receipt-rule' }),
  lot: (lotId: string): StreamRef => ({ streamId: `lot-${lotId}`, streamType: 'lot-backing' }),
  issuance: (applicationId: string): StreamRef => ({ streamId: `issuance-${applicationId}`, streamType: 'issuance' }),
  receipt: (receiptNumber: string): StreamRef => ({ streamId: `receipt-${receiptNumber}`, streamType: 'receipt' }),
  /** An outbound entitlement (`ENT-<receipt>`) from a cancellation for pickup: what it granted and what has shipped under it. */
  entitlement: (entitlementId: string): StreamRef => ({ streamId: `entitlement-${entitlementId}`, streamType: 'entitlement' }),
  transfer: (transferId: string): StreamRef => ({ streamId: `transfer-${transferId}`, streamType: 'transfer' }),
  /** Error-proofing alarms about one receipt, kept apart from its title record (a refused transfer changes no title). */
  transferAlarms: (receiptNumber: string): StreamRef => ({ streamId: `receipt-alarms-${receiptNumber}`, streamType: 'transfer-alarm' }),
} as const;
