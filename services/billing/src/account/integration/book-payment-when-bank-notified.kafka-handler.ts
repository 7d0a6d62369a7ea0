import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  BankPaymentReceivedSchema,
  BankWithdrawalConfirmedSchema,
  BankWithdrawalRefusedSchema,
  type BankPaymentReceived,
  type BankWithdrawalConfirmed,
  type BankWithdrawalRefused,
} from '@dw/contracts';
import type { Clock } from '@dw/kernel';
import { CLOCK, InboxContext } from '@dw/platform';
import { AccountOutbox } from './account-outbox';
import { applyToAccount, fenOf } from './account-message';

/**
 * Bank integration → account (billing.bank.v1): a payment booked to deposits held, where it
 * settles fees oldest first; a withdrawal the bank paid out completed, one it refused returned
 * to deposits held exactly (rule BILL-WITHDRAWAL-RETURNED).
 */
@Controller()
export class BookPaymentWhenBankNotifiedKafkaHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AccountOutbox) private readonly outbox: AccountOutbox,
  ) {}

  @EventPattern(BankPaymentReceivedSchema.typeName)
  paymentReceived(@Payload() event: BankPaymentReceived, @Ctx() ctx: InboxContext): Promise<void> {
    return applyToAccount(ctx, this.outbox, this.clock, event.partyId, (stamp) => ({
      type: 'BookPayment',
      data: {
        paymentId: event.paymentId,
        bankId: event.bankId,
        bankTransactionId: event.bankTransactionId,
        amountFen: fenOf(event.amountFen, 'amount_fen'),
        valueDate: event.valueDate?.value ?? '',
        ...stamp,
      },
    }));
  }

  @EventPattern(BankWithdrawalConfirmedSchema.typeName)
  withdrawalConfirmed(@Payload() event: BankWithdrawalConfirmed, @Ctx() ctx: InboxContext): Promise<void> {
    return applyToAccount(ctx, this.outbox, this.clock, event.partyId, (stamp) => ({
      type: 'CompleteWithdrawal',
      data: {
        withdrawalId: event.withdrawalId,
        amountFen: fenOf(event.amountFen, 'amount_fen'),
        bankId: event.bankId,
        bankTransactionId: event.bankTransactionId,
        valueDate: event.valueDate?.value ?? '',
        ...stamp,
      },
    }));
  }

  @EventPattern(BankWithdrawalRefusedSchema.typeName)
  withdrawalRefused(@Payload() event: BankWithdrawalRefused, @Ctx() ctx: InboxContext): Promise<void> {
    return applyToAccount(ctx, this.outbox, this.clock, event.partyId, (stamp) => ({
      type: 'ReturnWithdrawal',
      data: { withdrawalId: event.withdrawalId, bankId: event.bankId, reason: event.reason, ...stamp },
    }));
  }
}
