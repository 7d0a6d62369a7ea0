import { Command } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { LotFacts } from '../../lot-backing/domain/lot-facts';
import { AppliedRule } from '../../receipt-rule/domain/receipt-rule.terms';
import { StorageCard } from '../../storage-card/domain/storage-card';

interface Stamp {
  readonly actor: Actor;
  readonly at: string;
}

/**
 * The handler loads what the decision needs from other streams: the lots (from their
 * lot-backing streams), the holder's card, and the rule version in force on the application
 * date. Whether each lot is free is decided by the lot-backing streams in the same transaction.
 */
export type ApplyForIssuance = Command<
  'ApplyForIssuance',
  Stamp & {
    readonly applicationId: string;
    readonly warehouseId: string;
    readonly commodity: string;
    readonly brand: string;
    readonly grade: string;
    readonly holderCard: StorageCard;
    readonly receipts: readonly { readonly receiptNumber: string; readonly lots: readonly LotFacts[] }[];
    readonly storageFeesPaidThrough: string;
    readonly rule: AppliedRule;
  }
>;

/** From the exchange (integration API). `rule`: the version in force on the issue date; `holderCard`: the card as it is now. */
export type ApproveIssuance = Command<
  'ApproveIssuance',
  Stamp & { readonly approvalReference: string; readonly holderCard: StorageCard; readonly rule: AppliedRule }
>;
export type RejectIssuance = Command<'RejectIssuance', Stamp & { readonly reason: string }>;
export type WithdrawIssuance = Command<'WithdrawIssuance', Stamp & { readonly reason: string }>;

export type IssuanceCommand = ApplyForIssuance | ApproveIssuance | RejectIssuance | WithdrawIssuance;
