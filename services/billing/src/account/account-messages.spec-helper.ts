import { create, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { randomUUID } from 'node:crypto';
import {
  BankPaymentReceivedSchema,
  BankWithdrawalConfirmedSchema,
  BankWithdrawalRefusedSchema,
  billingBankTopic,
  billingFeeTopic,
  billingPaidThroughTopic,
  billingPaymentTopic,
  EventRegistry,
  FeeAccruedSchema,
  LocalDateSchema,
  toTimestamp,
  topicName,
  type TopicSpec,
} from '@dw/contracts';
import { TopicRecorder, testMessageBus } from '@dw/testing';
import { billingServiceDefinition } from '../billing.service-definition';
import type { BillingTestApp } from '../testing/billing-test-app.spec-helper';

const registry = new EventRegistry().register(...billingServiceDefinition.eventSchemas);
const date = (value: string) => create(LocalDateSchema, { value });

/**
 * The contract messages the other parts of billing send the account (accrual's fees, the bank
 * integration's payments and answers), published to the real broker under the app's topic
 * prefix, and a recorder of what the account publishes.
 */
export class AccountMessages {
  constructor(private readonly app: BillingTestApp) {}

  topic(spec: TopicSpec): string {
    return topicName(spec, this.app.prefix);
  }

  recorder(): Promise<TopicRecorder> {
    return new TopicRecorder(testMessageBus(), [this.topic(billingPaymentTopic), this.topic(billingPaidThroughTopic)]).start();
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

  /** One message, a new CloudEvents id each time (a redelivery the inbox has not seen), keyed by party as the contract says. */
  private async publish<Desc extends DescMessage & { typeName: string }>(topic: TopicSpec, partyId: string, schema: Desc, message: MessageShape<Desc>) {
    const producer = testMessageBus().producer();
    await producer.connect();
    try {
      await producer.send([
        {
          topic: this.topic(topic),
          key: partyId,
          value: registry.encodeEvent(schema.typeName, message),
          headers: {
            ce_specversion: '1.0',
            ce_id: randomUUID(),
            ce_type: schema.typeName,
            ce_source: '/dw/billing',
            ce_subject: partyId,
            ce_time: this.app.clock.now().toISOString(),
            'content-type': 'application/protobuf',
          },
        },
      ]);
    } finally {
      await producer.disconnect();
    }
  }
}
