import { Command } from '@dw/kernel';

/** Checks (and on first use records) that `storageCard` belongs to `party`; sent with every new order. */
export type ConfirmStorageCardParty = Command<
  'ConfirmStorageCardParty',
  { readonly storageCard: string; readonly party: string; readonly orderId: string; readonly actor: string; readonly at: string }
>;

export type StorageCardBindingCommand = ConfirmStorageCardParty;
