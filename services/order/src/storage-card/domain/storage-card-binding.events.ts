import { DomainEvent } from '@dw/kernel';

/** A storage card was first named on a work order, for this depositor party. */
export type StorageCardBound = DomainEvent<
  'StorageCardBound',
  { readonly storageCard: string; readonly party: string; readonly orderId: string; readonly actor: string; readonly at: string }
>;

export type StorageCardBindingEvent = StorageCardBound;
