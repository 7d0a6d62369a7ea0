import { Command } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';

interface Stamp {
  readonly actor: Actor;
  readonly at: string;
}

/** A depositor applies online; the card number is allotted by the handler. */
export type ApplyForStorageCard = Command<
  'ApplyForStorageCard',
  Stamp & { readonly cardNumber: string; readonly ownerPartyId: string; readonly holderName: string }
>;
export type ApproveStorageCard = Command<'ApproveStorageCard', Stamp>;
export type RejectStorageCard = Command<'RejectStorageCard', Stamp & { readonly reason: string }>;
export type SuspendStorageCard = Command<'SuspendStorageCard', Stamp & { readonly reason: string }>;
export type ReinstateStorageCard = Command<'ReinstateStorageCard', Stamp>;
/** `liveReceipts`: receipts the card holds now, read by the handler from the receipts read model. */
export type CloseStorageCard = Command<'CloseStorageCard', Stamp & { readonly reason: string; readonly liveReceipts: number }>;

export type StorageCardCommand = ApplyForStorageCard | ApproveStorageCard | RejectStorageCard | SuspendStorageCard | ReinstateStorageCard | CloseStorageCard;
