import { Command } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { ReceiptState } from '../../receipt/domain/receipt.state';
import { StorageCard } from '../../storage-card/domain/storage-card';

export interface TransferLine {
  readonly receiptNumber: string;
  /** The commodity as entered for this receipt. */
  readonly commodity: string;
  /** The receipt's state as the handler loaded it; its stream is appended at that version. */
  readonly current: ReceiptState;
}

/** One seller's receipts to one buyer, all or nothing. The holder name and card are entered once. */
export type RequestTitleTransfer = Command<
  'RequestTitleTransfer',
  {
    readonly transferId: string;
    readonly entered: { readonly holderName: string; readonly storageCard: string };
    readonly buyerCard: StorageCard | null;
    readonly lines: readonly TransferLine[];
    readonly actor: Actor;
    readonly at: string;
  }
>;

export type TransferCommand = RequestTitleTransfer;
