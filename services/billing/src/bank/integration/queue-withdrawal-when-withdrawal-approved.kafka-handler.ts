import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { WithdrawalApprovedSchema, type WithdrawalApproved } from '@dw/contracts';
import { handleCommandIn } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, InboxContext } from '@dw/platform';
import { BillingServiceConfig } from '../../billing-service.config';
import { streams } from '../../common/events/streams';
import { bankWithdrawalDecider } from '../domain/bank-withdrawal.decider';

/**
 * Account → bank (billing.payment.v1): an approved withdrawal is written to its stream as "to
 * send", in the inbox's transaction, so it is queued exactly once and survives a restart; the
 * withdrawal sender takes it from there. It is paid from the warehouse's payout bank.
 */
@Controller()
export class QueueWithdrawalWhenWithdrawalApprovedKafkaHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BillingServiceConfig) private readonly config: BillingServiceConfig,
  ) {}

  @EventPattern(WithdrawalApprovedSchema.typeName)
  async handle(@Payload() event: WithdrawalApproved, @Ctx() ctx: InboxContext): Promise<void> {
    // Without a payout bank the withdrawal could never be sent: the message waits (retried, then
    // dead-lettered for replay) rather than be queued for no bank.
    if (this.config.BANK_PAYOUT_BANK_ID === '') throw new Error(`withdrawal ${event.withdrawalId}: BANK_PAYOUT_BANK_ID is not configured`);
    await handleCommandIn(ctx.store, {
      ...streams.bankWithdrawal(event.withdrawalId),
      decider: bankWithdrawalDecider,
      command: {
        type: 'QueueWithdrawal',
        data: {
          withdrawalId: event.withdrawalId,
          partyId: event.partyId,
          bankId: this.config.BANK_PAYOUT_BANK_ID,
          amountFen: Number(event.amountFen),
          payeeAccountName: event.payeeAccountName,
          payeeAccountNumber: event.payeeAccountNumber,
          payeeBank: event.payeeBank,
          at: this.clock.now().toISOString(),
        },
      },
      metadata: ctx.causedMetadata(),
    });
  }
}
