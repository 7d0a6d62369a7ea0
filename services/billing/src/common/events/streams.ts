/**
 * Stream ids and types of the billing service's log. One stream per aggregate instance, so an
 * aggregate's invariants are guarded by its stream's expected version.
 */
export interface StreamRef {
  readonly streamId: string;
  readonly streamType: string;
}

export const streams = {
  /** A rate card's versions: the warehouse's published default (`partyId` null) or one depositor's contract. */
  rateCard: (partyId: string | null): StreamRef => ({
    streamId: partyId === null ? 'rate-card-default' : `rate-card-party-${partyId}`,
    streamType: 'rate-card',
  }),
  /** A depositor party's statement book: the billing facts its statements are drawn from, and the statements. */
  statementBook: (partyId: string): StreamRef => ({ streamId: `statement-book-${partyId}`, streamType: 'statement-book' }),
  /** Billing's timeline of one receipt, or of one lot no receipt backs: who holds it from when, and the fees charged on it. */
  holding: (thing: { readonly kind: 'receipt' | 'lot'; readonly id: string }): StreamRef => ({
    streamId: `holding-${thing.kind}-${thing.id}`,
    streamType: 'holding',
  }),
  /** A lot's goods as inventory reported them when it became available (commodity, actual weight, storage kind). */
  lotGoods: (lotId: string): StreamRef => ({ streamId: `lot-goods-${lotId}`, streamType: 'lot-goods' }),
  /** A work order's owner party and pickup method, from the order service's WorkOrderOpened. */
  workOrderFacts: (orderId: string): StreamRef => ({ streamId: `work-order-facts-${orderId}`, streamType: 'work-order-facts' }),
  /** One party's account: fees charged, payments booked, settlements, withdrawals. */
  account: (partyId: string): StreamRef => ({ streamId: `account-${partyId}`, streamType: 'account' }),
  /** The virtual accounts assigned at one bank, so one number is never given twice. */
  virtualAccounts: (bankId: string): StreamRef => ({ streamId: `virtual-accounts-${bankId}`, streamType: 'virtual-accounts' }),
  /** One real bank transaction (bank id, the bank's transaction id), booked once. */
  bankTransaction: (bankId: string, bankTransactionId: string): StreamRef => ({
    streamId: `bank-transaction-${bankId}-${bankTransactionId}`,
    streamType: 'bank-transaction',
  }),
  /** One bank's statement of one day and the breaks its reconciliation raised. */
  bankStatement: (bankId: string, statementDate: string): StreamRef => ({
    streamId: `bank-statement-${bankId}-${statementDate}`,
    streamType: 'bank-statement',
  }),
  /** A party's invoicing details (the buyer on its VAT invoices). */
  invoicingDetails: (partyId: string): StreamRef => ({ streamId: `invoicing-details-${partyId}`, streamType: 'invoicing-details' }),
  /** The VAT invoice requests of one statement. */
  invoiceRequests: (statementId: string): StreamRef => ({ streamId: `invoice-requests-${statementId}`, streamType: 'invoice-requests' }),
  /** One approved withdrawal on its way to the bank, and the bank's answer. */
  bankWithdrawal: (withdrawalId: string): StreamRef => ({ streamId: `bank-withdrawal-${withdrawalId}`, streamType: 'bank-withdrawal' }),
  /** The exchange's settlement prices of one commodity, by trading day. */
  settlementPrices: (commodity: string): StreamRef => ({ streamId: `settlement-prices-${commodity}`, streamType: 'settlement-prices' }),
} as const;
