import type { Command } from '@dw/kernel';
import type { Actor } from '../../../common/domain/actor';
import type { StorageCard } from '../../../storage-card/domain/storage-card';
import type { TraderBankAccount, TraderClosureBasis } from './trader';

interface Stamp {
  readonly actor: Actor;
  readonly at: string;
}

/**
 * A depositor applies to trade. `card` is the storage card it names as loaded from the card's
 * stream (null when there is none); `tradedCommodities` are the commodities the exchange has set
 * a market up for, loaded from their market streams.
 */
export type ApplyForTrading = Command<
  'ApplyForTrading',
  Stamp & {
    readonly partyId: string;
    readonly cardNumber: string;
    readonly card: StorageCard | null;
    readonly name: string;
    readonly commodities: readonly string[];
    readonly tradedCommodities: readonly string[];
    readonly bankAccount: TraderBankAccount;
  }
>;
export type ApproveTrader = Command<'ApproveTrader', Stamp>;
export type RejectTrader = Command<'RejectTrader', Stamp & { readonly reason: string }>;
export type ChangeTraderPermissions = Command<
  'ChangeTraderPermissions',
  Stamp & { readonly commodities: readonly string[]; readonly tradedCommodities: readonly string[] }
>;
export type ChangeTraderBankAccount = Command<'ChangeTraderBankAccount', Stamp & { readonly bankAccount: TraderBankAccount }>;
export type SuspendTrader = Command<'SuspendTrader', Stamp & { readonly reason: string }>;
export type ReinstateTrader = Command<'ReinstateTrader', Stamp>;
export type RequestTraderClosure = Command<'RequestTraderClosure', Stamp & { readonly reason: string }>;
export type CloseTrader = Command<'CloseTrader', Stamp & { readonly reason: string; readonly basis: TraderClosureBasis }>;

export type TraderCommand =
  | ApplyForTrading
  | ApproveTrader
  | RejectTrader
  | ChangeTraderPermissions
  | ChangeTraderBankAccount
  | SuspendTrader
  | ReinstateTrader
  | RequestTraderClosure
  | CloseTrader;
