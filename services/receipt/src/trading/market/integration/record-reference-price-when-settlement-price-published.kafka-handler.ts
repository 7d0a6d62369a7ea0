import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ContractFieldMissingError, SettlementPricePublishedSchema, fromTimestamp, type SettlementPricePublished } from '@dw/contracts';
import { handleCommandIn } from '@dw/event-store';
import { type Clock, DomainError } from '@dw/kernel';
import { NonRetryableMessageError } from '@dw/messaging';
import { CLOCK, InboxContext } from '@dw/platform';
import type { Actor } from '../../../common/domain/actor';
import { nowOf } from '../../../common/http/clock-instant';
import { referencePricesDecider } from '../domain/reference-prices.decider';
import { referencePricesStream } from '../market.streams';

/**
 * Billing → receipt (billing.settlement-price.v1): the exchange's settlement price of a contract
 * on a trading day becomes the platform's reference price (base price and basis quotes of the
 * next trading day), once per (commodity, day, contract), in one transaction with the inbox row.
 * A message that cannot be taken (no date, a malformed contract, a price of 0) is a fault between
 * the services: dead-lettered at once with the refusal code.
 */
@Controller()
export class RecordReferencePriceWhenSettlementPricePublishedKafkaHandler {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @EventPattern(SettlementPricePublishedSchema.typeName)
  async handle(@Payload() event: SettlementPricePublished, @Ctx() ctx: InboxContext): Promise<void> {
    const metadata = ctx.causedMetadata();
    const actor: Actor = { subject: metadata.actor.subject, role: 'system' };
    const tradingDay = event.tradingDay?.value ?? '';
    const at = nowOf(this.clock);
    try {
      const publishedAt = fromTimestamp(event.publishedAt, 'published_at');
      await handleCommandIn(ctx.store, {
        ...referencePricesStream(event.commodity, tradingDay),
        decider: referencePricesDecider,
        command: {
          type: 'RecordReferencePrice',
          data: {
            commodity: event.commodity,
            tradingDay,
            contract: event.contract,
            fenPerTonne: Number(event.fenPerTonne),
            nearestMonth: event.nearestMonth,
            publishedAt,
            actor,
            at,
          },
        },
        metadata,
      });
    } catch (error) {
      if (error instanceof ContractFieldMissingError) throw new NonRetryableMessageError(error.code, error.message);
      if (error instanceof DomainError)
        throw new NonRetryableMessageError(error.code, `settlement price ${event.commodity} ${tradingDay} ${event.contract}: ${error.message}`);
      throw error;
    }
  }
}
