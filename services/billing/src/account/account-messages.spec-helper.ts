import { create, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import {
  BankPaymentReceivedSchema,
  BankWithdrawalConfirmedSchema,
  BankWithdrawalRefusedSchema,
  billingBankTopic,
  billingFeeTopic,
  billingPaidThroughTopic,
  billingPaymentTopic,
  FeeAccruedSchema,
  LocalDateSchema,
  toTimestamp,
  type TopicSpec,
} from '@dw/contracts';
import { TopicRecorder, testMessageBus } from '@dw/testing';
import type { BillingTestApp } from '../testing/billing-test-app.spec-helper';

const date = (value: string) => create(LocalDateSchema, { value });

/**
 * The contract messages the other parts of billing send the account (accrual's fees, the bank
 * integration's payments and answers), published to the real broker under the app's topic
 * prefix, and a recorder of what the account publishes.
 */
export class AccountMessages {
  constructor(private readonly app: BillingTestApp) {}

  recorder(): Promise<TopicRecorder> {
    return new TopicRecorder(testMessageBus(), [this.app.topic(billingPaymentTopic), this.app.topic(billingPaidThroughTopic)]).start();
  }

  feeAccrued(partyId: string, fee: { feeId: string; item: string; receiptNumber?: string; serviceDate: string; chargedOn?: string; amountFen: number }) {
    return this.publish(
      billingFeeTopic,
      partyId,
      FeeAccruedSchema,
      create(FeeAccruedSchema, {
        feeId: fee.feeId,
        partyId,
        item: fee.item,
        receiptNumber: fee.receiptNumber ?? '',
        serviceDate: date(fee.serviceDate),
        chargedOn: date(fee.chargedOn ?? fee.serviceDate),
        amountFen: BigInt(fee.amountFen),
        rateSource: 'contract',
        rateVersion: 1,
        accruedAt: toTimestamp(this.app.clock.now()),
      }),
    );
  }

  paymentReceived(partyId: string, payment: { transactionId: string; amountFen: number; valueDate: string }) {
    return this.publish(
      billingBankTopic,
      partyId,
      BankPaymentReceivedSchema,
      create(BankPaymentReceivedSchema, {
        paymentId: `bank-icbc:${payment.transactionId}`,
        partyId,
        bankId: 'bank-icbc',
        bankTransactionId: payment.transactionId,
        virtualAccount: `VA-${partyId}`,
        amountFen: BigInt(payment.amountFen),
        valueDate: date(payment.valueDate),
        receivedAt: toTimestamp(this.app.clock.now()),
      }),
    );
  }

  withdrawalConfirmed(partyId: string, withdrawal: { withdrawalId: string; transactionId: string; amountFen: number; valueDate: string }) {
    return this.publish(
      billingBankTopic,
      partyId,
      BankWithdrawalConfirmedSchema,
      create(BankWithdrawalConfirmedSchema, {
        withdrawalId: withdrawal.withdrawalId,
        partyId,
        bankId: 'bank-icbc',
        bankTransactionId: withdrawal.transactionId,
        amountFen: BigInt(withdrawal.amountFen),
        valueDate: date(withdrawal.valueDate),
        confirmedAt: toTimestamp(this.app.clock.now()),
      }),
    );
  }

  withdrawalRefused(partyId: string, withdrawalId: string, reason: string) {
    return this.publish(
      billingBankTopic,
      partyId,
      BankWithdrawalRefusedSchema,
      create(BankWithdrawalRefusedSchema, { withdrawalId, partyId, bankId: 'bank-icbc', reason, refusedAt: toTimestamp(this.app.clock.now()) }),
    );
  }

  /** One message keyed by party as the contract says; a new CloudEvents id each time (a redelivery the inbox has not seen). */
  private publish<Desc extends DescMessage>(topic: TopicSpec, partyId: string, schema: Desc, message: MessageShape<Desc>) {
    return this.app.publish(topic, partyId, schema, message);
  }
}
