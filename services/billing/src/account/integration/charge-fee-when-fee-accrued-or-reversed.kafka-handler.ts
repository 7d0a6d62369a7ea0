import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { FeeAccruedSchema, FeeReversedSchema, type FeeAccrued, type FeeReversed } from '@dw/contracts';
import type { Clock } from '@dw/kernel';
import { CLOCK, InboxContext } from '@dw/platform';
import { AccountOutbox } from './account-outbox';
import { applyToAccount, fenOf } from './account-message';

/**
 * Accrual → account (billing.fee.v1): a fee charged to the party, settled at once from money it
 * holds (rule BILL-SETTLE-OLDEST-FIRST); a fee reversed in full, what was paid of it held again.
 */
@Controller()
export class ChargeFeeWhenFeeAccruedOrReversedKafkaHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AccountOutbox) private readonly outbox: AccountOutbox,
  ) {}

  @EventPattern(FeeAccruedSchema.typeName)
  accrued(@Payload() event: FeeAccrued, @Ctx() ctx: InboxContext): Promise<void> {
    return applyToAccount(ctx, this.outbox, this.clock, event.partyId, (stamp) => ({
      type: 'ChargeFee',
      data: {
        feeId: event.feeId,
        item: event.item,
        receiptNumber: event.receiptNumber,
        lotId: event.lotId,
        serviceDate: event.serviceDate?.value ?? '',
        chargedOn: event.chargedOn?.value ?? '',
        amountFen: fenOf(event.amountFen, 'amount_fen'),
        ...stamp,
      },
    }));
  }

  @EventPattern(FeeReversedSchema.typeName)
  reversed(@Payload() event: FeeReversed, @Ctx() ctx: InboxContext): Promise<void> {
    return applyToAccount(ctx, this.outbox, this.clock, event.partyId, (stamp) => ({
      type: 'ReverseFee',
      data: { feeId: event.feeId, amountFen: fenOf(event.amountFen, 'amount_fen'), reason: event.reason, ...stamp },
    }));
  }
}
