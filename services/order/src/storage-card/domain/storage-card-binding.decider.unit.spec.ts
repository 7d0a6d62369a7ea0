import { deciderSpec } from '@dw/testing';
import { storageCardBindingDecider } from './storage-card-binding.decider';
import { StorageCardBindingCommand } from './storage-card-binding.commands';
import { StorageCardBound } from './storage-card-binding.events';

const spec = deciderSpec(storageCardBindingDecider);
const at = '2025-03-03T02:00:00Z';
const confirm = (party: string, orderId = 'wo-2', storageCard = 'SC-0001'): StorageCardBindingCommand => ({
  type: 'ConfirmStorageCardParty',
  data: { storageCard, party, orderId, actor: 'desk-clerk-7', at },
});
const bound: StorageCardBound = { type: 'StorageCardBound', data: { storageCard: 'SC-0001', party: 'P-0001', orderId: 'wo-1', actor: 'desk-clerk-7', at } };

describe('storage card binding', () => {
  it('binds a card to the party named on its first order', () => {
    spec.given([]).when(confirm('P-0001', 'wo-1')).then([bound]);
  });

  it('accepts later orders for the same party without a new event', () => {
    spec.given([bound]).when(confirm('P-0001')).then([]);
  });

  it('refuses an order naming the card for another party, without naming the holder', () => {
    spec.given([bound]).when(confirm('P-0002')).thenRefusedWith('STORAGE_CARD_PARTY_MISMATCH', { storageCard: 'SC-0001', party: 'P-0002' });
  });

  it('refuses a blank card or party with the field at fault', () => {
    spec.given([]).when(confirm(' ')).thenRefusedWith('FIELD_REQUIRED');
    spec.given([]).when(confirm('P-0001', 'wo-1', '')).thenRefusedWith('FIELD_REQUIRED');
  });
});
