import { create, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import {
  billingPaidThroughTopic,
  billingPaymentTopic,
  FeeSettlementSchema,
  FeesSettledSchema,
  LocalDateSchema,
  PaymentBookedSchema,
  StoragePaidThroughAdvancedSchema,
  toTimestamp,
  WithdrawalApprovedSchema,
  WithdrawalCompletedSchema,
  WithdrawalRejectedSchema,
  WithdrawalRequestedSchema,
  WithdrawalReturnedSchema,
} from '@dw/contracts';
import { publicEvent, type PublicEvent } from '../../common/integration/billing-outbox';
import type { AccountEvent } from '../domain/account.events';

/** A message on billing.payment.v1, keyed by the party so one party's money moves stay in order. */
const onPayment = <Desc extends DescMessage>(partyId: string, schema: Desc, message: MessageShape<Desc>): PublicEvent =>
  publicEvent(billingPaymentTopic, schema, message, partyId);
const date = (value: string) => create(LocalDateSchema, { value });

/** The withdrawal order's fields, the same on its request and on its approval (the approval repeats what was approved). */
const withdrawalOrder = (
  partyId: string,
  { withdrawalId, amountFen, payeeAccountName, payeeAccountNumber, payeeBank }: WithdrawalEventData<'WithdrawalRequested' | 'WithdrawalApproved'>,
) => ({ withdrawalId, partyId, amountFen: BigInt(amountFen), payeeAccountName, payeeAccountNumber, payeeBank });

/** A withdrawal that pays nothing out (rejected by the warehouse, or returned by the bank): what it was and why. */
const withdrawalRefusal = (partyId: string, { withdrawalId, amountFen, reason }: WithdrawalEventData<'WithdrawalRejected' | 'WithdrawalReturned'>) => ({
  withdrawalId,
  partyId,
  amountFen: BigInt(amountFen),
  reason,
});
type WithdrawalEventData<T extends AccountEvent['type']> = Extract<AccountEvent, { type: T }>['data'];

/**
 * The public form of an account event (billing-contracts: billing.payment.v1 keyed by party,
 * billing.paid-through.v1 keyed by receipt number); a fee charged or reversed is accrual's own
 * fact on billing.fee.v1 and is not published again.
 */
export function accountPublicEvent(partyId: string, event: AccountEvent): PublicEvent | null {
  switch (event.type) {
    case 'PaymentBooked': {
      const { paymentId, amountFen, valueDate, at, bankId, bankTransactionId } = event.data;
      return onPayment(
        partyId,
        PaymentBookedSchema,
        create(PaymentBookedSchema, {
          paymentId,
          partyId,
          amountFen: BigInt(amountFen),
          valueDate: date(valueDate),
          bookedAt: toTimestamp(at),
          bankId,
          bankTransactionId,
        }),
      );
    }
    case 'FeesSettled': {
      const settlements = event.data.settlements.map(({ feeId, amountFen }) => create(FeeSettlementSchema, { feeId, amountFen: BigInt(amountFen) }));
      return onPayment(
        partyId,
        FeesSettledSchema,
        create(FeesSettledSchema, { partyId, paymentId: event.data.paymentId, settlements, settledAt: toTimestamp(event.data.at) }),
      );
    }
    case 'WithdrawalRequested':
      return onPayment(
        partyId,
        WithdrawalRequestedSchema,
        create(WithdrawalRequestedSchema, { ...withdrawalOrder(partyId, event.data), requestedAt: toTimestamp(event.data.at) }),
      );
    case 'WithdrawalApproved':
      return onPayment(
        partyId,
        WithdrawalApprovedSchema,
        create(WithdrawalApprovedSchema, { ...withdrawalOrder(partyId, event.data), approvedAt: toTimestamp(event.data.at) }),
      );
    case 'WithdrawalRejected':
      return onPayment(
        partyId,
        WithdrawalRejectedSchema,
        create(WithdrawalRejectedSchema, { ...withdrawalRefusal(partyId, event.data), rejectedAt: toTimestamp(event.data.at) }),
      );
    case 'WithdrawalCompleted': {
      const { withdrawalId, amountFen, bankId, bankTransactionId, at } = event.data;
      return onPayment(
        partyId,
        WithdrawalCompletedSchema,
        create(WithdrawalCompletedSchema, { withdrawalId, partyId, amountFen: BigInt(amountFen), bankTransactionId, completedAt: toTimestamp(at), bankId }),
      );
    }
    case 'WithdrawalReturned':
      return onPayment(
        partyId,
        WithdrawalReturnedSchema,
        create(WithdrawalReturnedSchema, { ...withdrawalRefusal(partyId, event.data), returnedAt: toTimestamp(event.data.at) }),
      );
    case 'StoragePaidThroughAdvanced': {
      const { receiptNumber, paidThrough } = event.data;
      return publicEvent(
        billingPaidThroughTopic,
        StoragePaidThroughAdvancedSchema,
        create(StoragePaidThroughAdvancedSchema, { partyId, receiptNumber, paidThrough: date(paidThrough) }),
        receiptNumber,
      );
    }
    case 'FeeCharged':
    case 'FeeCredited':
    case 'FeeChargeReversed':
      return null;
  }
}
