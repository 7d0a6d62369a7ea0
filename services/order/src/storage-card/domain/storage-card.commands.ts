import { Command } from '@dw/kernel';
import type { StorageCardStatus } from './storage-card.events';

/** Records a card as the receipt service's event describes it (applied, approved, suspended, ...). */
export type RecordStorageCardStatus = Command<
  'RecordStorageCardStatus',
  { readonly storageCard: string; readonly party: string; readonly holderName: string; readonly status: StorageCardStatus; readonly at: string }
>;

export type StorageCardCommand = RecordStorageCardStatus;
