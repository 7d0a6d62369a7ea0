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
  type TopicSpec,
} from '@dw/contracts';
import type { AccountEvent } from '../domain/account.events';

/** One public message: its topic, contract, message and Kafka key. */
export interface AccountPublicEvent {
  readonly topic: TopicSpec;
  readonly schema: DescMessage;
  readonly message: MessageShape<DescMessage>;
  readonly key: string;
}

const onPayment = <Desc extends DescMessage>(partyId: string, schema: Desc, message: MessageShape<Desc>): AccountPublicEvent => ({
  topic: billingPaymentTopic,
  schema,
  message,
  key: partyId,
});
const date = (value: string) => create(LocalDateSchema, { value });

/**
 * The public form of an account event (billing-contracts: billing.payment.v1 keyed by party,
 * billing.paid-through.v1 keyed by receipt number); a fee charged or reversed is accrual's own
 * fact on billing.fee.v1 and is not published again.
 */
export function accountPublicEvent(partyId: string, event: AccountEvent): AccountPublicEvent | null {
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
    case 'WithdrawalRequested': {
      const { withdrawalId, amountFen, payeeAccountName, payeeAccountNumber, payeeBank, at } = event.data;
      return onPayment(
        partyId,
        WithdrawalRequestedSchema,
        create(WithdrawalRequestedSchema, {
          withdrawalId,
          partyId,
          amountFen: BigInt(amountFen),
          payeeAccountName,
          payeeAccountNumber,
          payeeBank,
          requestedAt: toTimestamp(at),
        }),
      );
    }
    case 'WithdrawalApproved': {
      const { withdrawalId, amountFen, payeeAccountName, payeeAccountNumber, payeeBank, at } = event.data;
      return onPayment(
        partyId,
        WithdrawalApprovedSchema,
        create(WithdrawalApprovedSchema, {
          withdrawalId,
          partyId,
          amountFen: BigInt(amountFen),
          payeeAccountName,
          payeeAccountNumber,
          payeeBank,
          approvedAt: toTimestamp(at),
        }),
      );
    }
    case 'WithdrawalRejected': {
      const { withdrawalId, amountFen, reason, at } = event.data;
      return onPayment(
        partyId,
        WithdrawalRejectedSchema,
        create(WithdrawalRejectedSchema, { withdrawalId, partyId, amountFen: BigInt(amountFen), reason, rejectedAt: toTimestamp(at) }),
      );
    }
    case 'WithdrawalCompleted': {
      const { withdrawalId, amountFen, bankId, bankTransactionId, at } = event.data;
      return onPayment(
        partyId,
        WithdrawalCompletedSchema,
        create(WithdrawalCompletedSchema, { withdrawalId, partyId, amountFen: BigInt(amountFen), bankTransactionId, completedAt: toTimestamp(at), bankId }),
      );
    }
    case 'WithdrawalReturned': {
      const { withdrawalId, amountFen, reason, at } = event.data;
      return onPayment(
        partyId,
        WithdrawalReturnedSchema,
        create(WithdrawalReturnedSchema, { withdrawalId, partyId, amountFen: BigInt(amountFen), reason, returnedAt: toTimestamp(at) }),
      );
    }
    case 'StoragePaidThroughAdvanced': {
      const { receiptNumber, paidThrough } = event.data;
      return {
        topic: billingPaidThroughTopic,
        schema: StoragePaidThroughAdvancedSchema,
        message: create(StoragePaidThroughAdvancedSchema, { partyId, receiptNumber, paidThrough: date(paidThrough) }),
        key: receiptNumber,
      };
    }
    case 'FeeCharged':
    case 'FeeChargeReversed':
      return null;
  }
}
