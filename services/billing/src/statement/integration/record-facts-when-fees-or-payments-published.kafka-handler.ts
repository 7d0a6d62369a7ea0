import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  ContractFieldMissingError,
  type FeeAccrued,
  FeeAccruedSchema,
  type FeeReversed,
  FeeReversedSchema,
  type FeesSettled,
  FeesSettledSchema,
  fromTimestamp,
  type PaymentBooked,
  PaymentBookedSchema,
  type WithdrawalCompleted,
  WithdrawalCompletedSchema,
} from '@dw/contracts';
import type { LocalDate as PublishedDate } from '@dw/contracts';
import { fenFromBigInt, kg, localDate, requireText, type LocalDate } from '@dw/kernel';
import { InboxContext } from '@dw/platform';
import type { StatementBookCommand } from '../domain/statement-book.commands';
import { handleStatementBookIn } from '../statement-books';

const dateOf = (value: PublishedDate | undefined, field: string): LocalDate => {
  if (!value) throw new ContractFieldMissingError(field);
  return localDate(value.value, field);
};

/**
 * The fees the accrual part charges (billing.fee.v1) and the payments, settlements and
 * withdrawals the money part books (billing.payment.v1) go into the party's statement book,
 * each once (the decider passes over a fact it already holds; the inbox makes delivery once in
 * effect besides). Withdrawals requested, approved or returned move no money out and are not
 * statement lines.
 */
@Controller()
export class RecordFactsWhenFeesOrPaymentsPublishedKafkaHandler {
  @EventPattern(FeeAccruedSchema.typeName)
  onFeeAccrued(@Payload() event: FeeAccrued, @Ctx() ctx: InboxContext) {
    return this.record(ctx, event.partyId, {
      type: 'RecordFeeCharge',
      data: {
        partyId: event.partyId,
        feeId: requireText(event.feeId, 'fee_id'),
        item: requireText(event.item, 'item'),
        receiptNumber: event.receiptNumber === '' ? null : event.receiptNumber,
        lotId: event.lotId === '' ? null : event.lotId,
        serviceDate: dateOf(event.serviceDate, 'service_date'),
        chargedOn: dateOf(event.chargedOn, 'charged_on'),
        weightKg: kg(Number(event.weightKg)),
        rateFen: fenFromBigInt(event.rateFen, 'rate_fen'),
        amountFen: fenFromBigInt(event.amountFen, 'amount_fen'),
        rateSource: event.rateSource,
        rateVersion: event.rateVersion,
        accruedAt: fromTimestamp(event.accruedAt, 'accrued_at'),
      },
    });
  }

  @EventPattern(FeeReversedSchema.typeName)
  onFeeReversed(@Payload() event: FeeReversed, @Ctx() ctx: InboxContext) {
    return this.record(ctx, event.partyId, {
      type: 'RecordFeeReversal',
      data: {
        partyId: event.partyId,
        feeId: requireText(event.feeId, 'fee_id'),
        amountFen: fenFromBigInt(event.amountFen, 'amount_fen'),
        reason: event.reason,
        reversedAt: fromTimestamp(event.reversedAt, 'reversed_at'),
      },
    });
  }

  @EventPattern(PaymentBookedSchema.typeName)
  onPaymentBooked(@Payload() event: PaymentBooked, @Ctx() ctx: InboxContext) {
    return this.record(ctx, event.partyId, {
      type: 'RecordPayment',
      data: {
        partyId: event.partyId,
        paymentId: requireText(event.paymentId, 'payment_id'),
        amountFen: fenFromBigInt(event.amountFen, 'amount_fen'),
        valueDate: dateOf(event.valueDate, 'value_date'),
        bookedAt: fromTimestamp(event.bookedAt, 'booked_at'),
      },
    });
  }

  @EventPattern(FeesSettledSchema.typeName)
  onFeesSettled(@Payload() event: FeesSettled, @Ctx() ctx: InboxContext) {
    return this.record(ctx, event.partyId, {
      type: 'RecordFeesSettlement',
      data: {
        partyId: event.partyId,
        paymentId: requireText(event.paymentId, 'payment_id'),
        settlements: event.settlements.map((settlement) => ({ feeId: settlement.feeId, amountFen: fenFromBigInt(settlement.amountFen, 'amount_fen') })),
        settledAt: fromTimestamp(event.settledAt, 'settled_at'),
      },
    });
  }

  @EventPattern(WithdrawalCompletedSchema.typeName)
  onWithdrawalCompleted(@Payload() event: WithdrawalCompleted, @Ctx() ctx: InboxContext) {
    return this.record(ctx, event.partyId, {
      type: 'RecordWithdrawalPaidOut',
      data: {
        partyId: event.partyId,
        withdrawalId: requireText(event.withdrawalId, 'withdrawal_id'),
        amountFen: fenFromBigInt(event.amountFen, 'amount_fen'),
        completedAt: fromTimestamp(event.completedAt, 'completed_at'),
      },
    });
  }

  private async record(ctx: InboxContext, partyId: string, command: StatementBookCommand): Promise<void> {
    await handleStatementBookIn(ctx.store, requireText(partyId, 'party_id'), command, ctx.causedMetadata());
  }
}
