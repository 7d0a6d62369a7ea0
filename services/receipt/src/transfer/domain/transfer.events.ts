import { DomainEvent } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { Holder } from '../../receipt/domain/receipt.record';

/** Recorded with every receipt's TitleTransferred in the same transaction. */
export type TransferBatchAccepted = DomainEvent<
  'TransferBatchAccepted',
  {
    readonly transferId: string;
    readonly from: Holder;
    readonly to: Holder;
    readonly lines: readonly { readonly receiptNumber: string; readonly commodity: string; readonly weightKg: number }[];
    readonly totalWeightKg: number;
    readonly actor: Actor;
    readonly at: string;
  }
>;

export type TransferEvent = TransferBatchAccepted;
