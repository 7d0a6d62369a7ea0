import { Decider, refuse, requireText, unhandledCommand } from '@dw/kernel';
import { RecordStorageCardStatus, StorageCardCommand } from './storage-card.commands';
import { StorageCardEvent, StorageCardStatus, StorageCardStatusRecorded } from './storage-card.events';

export type StorageCardState = { readonly status: 'unknown' } | { readonly status: StorageCardStatus; readonly party: string; readonly holderName: string };

/**
 * The order desk's copy of one storage card (one stream per card), fed only by the receipt
 * service's card events: storage cards have one source, the registry that approves them. The
 * same event delivered twice records nothing new.
 */
export const storageCardDecider: Decider<StorageCardCommand, StorageCardState, StorageCardEvent> = {
  initialState: () => ({ status: 'unknown' }),
  evolve: (_state, event) => ({ status: event.data.status, party: event.data.party, holderName: event.data.holderName }),
  decide(command, state) {
    switch (command.type) {
      case 'RecordStorageCardStatus':
        return recordStatus(command, state);
      default:
        // One command type: the discriminant, not the command, narrows to never here.
        return unhandledCommand(command.type);
    }
  },
};

/** The card as the event describes it; the same description again records nothing. */
function recordStatus(command: RecordStorageCardStatus, state: StorageCardState): StorageCardStatusRecorded[] {
  const { status, holderName, at } = command.data;
  const storageCard = requireText(command.data.storageCard, 'storageCard');
  const party = requireText(command.data.party, 'party');
  if (state.status === status && state.party === party && state.holderName === holderName) return [];
  return [{ type: 'StorageCardStatusRecorded', data: { storageCard, party, holderName, status, at } }];
}

/** Who names the card on a new order: the desk, or the receipt service's entitlement for its holder. */
export type CardNamedBy = 'desk' | 'entitlement';

/**
 * The party of an order naming `storageCard` (rule ORD-CARD-FROM-REGISTRY). At the desk only an
 * approved card may be named, and the order's party is the card's; a party the desk typed must
 * agree, and the refusal does not say whose the card is. An entitlement comes from the registry
 * itself, for a holder whose card may since be suspended, and its card event may still be on its
 * way (another topic): its party is checked against the card when the card is known.
 */
export function orderPartyOf(state: StorageCardState, storageCard: string, claimedParty: string | undefined, field: string, namedBy: CardNamedBy): string {
  const claimed = claimedParty?.trim() || undefined;
  if (namedBy === 'entitlement' && state.status === 'unknown') return claimed ?? '';
  if (state.status === 'unknown') {
    // Not known (yet): the card may never have been issued, or its approval is still on its way.
    throw refuse.notFound('CARD_NOT_FOUND', `no storage card ${storageCard}`, { field, cardNumber: storageCard });
  }
  if (namedBy === 'desk' && state.status !== 'approved') {
    throw refuse.conflict('CARD_NOT_APPROVED', `storage card ${storageCard} is ${state.status}, not approved`, {
      field,
      cardNumber: storageCard,
      status: state.status,
    });
  }
  if (claimed !== undefined && claimed !== state.party) {
    throw refuse.invalid('STORAGE_CARD_PARTY_MISMATCH', `storage card ${storageCard} is not held by ${claimed}`, 'ownerParty', { storageCard, party: claimed });
  }
  return state.party;
}
