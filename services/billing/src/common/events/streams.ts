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
  /** One party's account: fees charged, payments booked, settlements, withdrawals. */
  account: (partyId: string): StreamRef => ({ streamId: `account-${partyId}`, streamType: 'account' }),
  /** A party's invoicing details (the buyer on its VAT invoices). */
  invoicingDetails: (partyId: string): StreamRef => ({ streamId: `invoicing-details-${partyId}`, streamType: 'invoicing-details' }),
  /** The VAT invoice requests of one statement. */
  invoiceRequests: (statementId: string): StreamRef => ({ streamId: `invoice-requests-${statementId}`, streamType: 'invoice-requests' }),
} as const;
