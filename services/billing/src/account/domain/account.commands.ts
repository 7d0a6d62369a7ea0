import type { Command, DomainActor } from '@dw/kernel';
import type { ActorRole } from '../../common/domain/actor';
import type { Payee } from './account.events';

/** People act through the API; `system` is billing itself acting on a message from its own topics. */
export type AccountActor = DomainActor<ActorRole | 'system'>;

interface Stamp {
  readonly actor: AccountActor;
  readonly at: string;
}

/** From FeeAccrued. Dates are Shanghai 'YYYY-MM-DD'; `item` one of FEE_ITEMS. */
export type ChargeFee = Command<
  'ChargeFee',
  Stamp & {
    readonly feeId: string;
    readonly item: string;
    readonly receiptNumber: string;
    readonly lotId: string;
    readonly serviceDate: string;
    readonly chargedOn: string;
    readonly amountFen: number;
  }
>;

/** From FeeReversed. */
export type ReverseFee = Command<'ReverseFee', Stamp & { readonly feeId: string; readonly amountFen: number; readonly reason: string }>;

/** From BankPaymentReceived. */
export type BookPayment = Command<
  'BookPayment',
  Stamp & { readonly paymentId: string; readonly bankId: string; readonly bankTransactionId: string; readonly amountFen: number; readonly valueDate: string }
>;

export type RequestWithdrawal = Command<'RequestWithdrawal', Stamp & Payee & { readonly withdrawalId: string; readonly amountFen: number }>;
export type ApproveWithdrawal = Command<'ApproveWithdrawal', Stamp & { readonly withdrawalId: string }>;
export type RejectWithdrawal = Command<'RejectWithdrawal', Stamp & { readonly withdrawalId: string; readonly reason: string }>;

/** From BankWithdrawalConfirmed. */
export type CompleteWithdrawal = Command<
  'CompleteWithdrawal',
  Stamp & { readonly withdrawalId: string; readonly amountFen: number; readonly bankId: string; readonly bankTransactionId: string; readonly valueDate: string }
>;

/** From BankWithdrawalRefused. */
export type ReturnWithdrawal = Command<'ReturnWithdrawal', Stamp & { readonly withdrawalId: string; readonly bankId: string; readonly reason: string }>;

export type AccountCommand =
  ChargeFee | ReverseFee | BookPayment | RequestWithdrawal | ApproveWithdrawal | RejectWithdrawal | CompleteWithdrawal | ReturnWithdrawal;
