import { Decider, refuse } from '@dw/kernel';
import { requireText } from '../../shared/domain/field-rules';
import { StorageCardBindingCommand } from './storage-card-binding.commands';
import { StorageCardBindingEvent } from './storage-card-binding.events';

export type StorageCardBindingState = { readonly status: 'unbound' } | { readonly status: 'bound'; readonly party: string; readonly orderId: string };

/**
 * Which depositor party holds a storage card, as the order desk has named it (one stream per
 * card). Error-proofing (纠错防错): the depositor and storage card entered must match the stored record,
 * so an order naming a card for another party than the first order did is refused, before a
 * depositor could see (or act on) goods on someone else's card. The party is what inventory
 * uses to show a depositor only its own cards' stock.
 */
export const storageCardBindingDecider: Decider<StorageCardBindingCommand, StorageCardBindingState, StorageCardBindingEvent> = {
  // rule ORD-CARD-ONE-PARTY
  initialState: () => ({ status: 'unbound' }),
  evolve: (_state, event) => ({ status: 'bound', party: event.data.party, orderId: event.data.orderId }),
  decide(command, state) {
    const storageCard = requireText(command.data.storageCard, 'storageCard');
    const party = requireText(command.data.party, 'ownerParty');
    if (state.status === 'bound') {
      if (state.party === party) return [];
      // The holder is not named: the caller may have typed a wrong card, and another depositor's party is not theirs to learn.
      throw refuse.conflict('STORAGE_CARD_PARTY_MISMATCH', `storage card ${storageCard} is held by another party than ${party}`, {
        storageCard,
        party,
      });
    }
    const { orderId, actor, at } = command.data;
    return [{ type: 'StorageCardBound', data: { storageCard, party, orderId: requireText(orderId, 'orderId'), actor, at } }];
  },
};
