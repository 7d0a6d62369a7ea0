import { DomainEvent } from '@dw/kernel';

export const STORAGE_CARD_STATUSES = ['applied', 'approved', 'rejected', 'suspended', 'closed'] as const;
export type StorageCardStatus = (typeof STORAGE_CARD_STATUSES)[number];

/** The receipt service (the registry of storage cards) published a card's new status; this is the order desk's copy. */
export type StorageCardStatusRecorded = DomainEvent<
  'StorageCardStatusRecorded',
  { readonly storageCard: string; readonly party: string; readonly holderName: string; readonly status: StorageCardStatus; readonly at: string }
>;

export type StorageCardEvent = StorageCardStatusRecorded;
