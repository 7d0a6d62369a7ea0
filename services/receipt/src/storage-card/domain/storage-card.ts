import { refuse } from '@dw/kernel';

export type StorageCardStatus = 'applied' | 'approved' | 'rejected' | 'suspended' | 'closed';

/**
 * A depositor's account at the warehouse (存储卡号). It is also the snapshot other deciders
 * receive in their commands (the handler loads the card's stream), so a rule such as "only
 * approved cards hold receipts" is checked where the receipt is decided.
 */
export interface StorageCard {
  readonly cardNumber: string;
  readonly ownerPartyId: string;
  readonly holderName: string;
  readonly status: StorageCardStatus;
}

/** Only an approved card may hold receipts or receive title. */
export function requireApprovedCard(card: StorageCard | null | undefined, field: string): StorageCard {
  // rule RCPT-APPROVED-CARD-ONLY
  if (!card) throw refuse.notFound('CARD_NOT_FOUND', `${field}: no such storage card`, { field });
  if (card.status !== 'approved') {
    throw refuse.conflict('CARD_NOT_APPROVED', `storage card ${card.cardNumber} is ${card.status}, not approved`, {
      field,
      cardNumber: card.cardNumber,
      status: card.status,
    });
  }
  return card;
}
