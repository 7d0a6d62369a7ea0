import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { fromWeight, LotBecameAvailableSchema, type LotBecameAvailable } from '@dw/contracts';
import { handleCommandIn } from '@dw/event-store';
import { type Clock, DomainError } from '@dw/kernel';
import { NonRetryableMessageError } from '@dw/messaging';
import { CLOCK, InboxContext } from '@dw/platform';
import { streams } from '../../common/events/streams';
import { lotGoodsDecider } from '../domain/lot-goods.decider';

/**
 * Inventory → billing: a lot's goods as received (commodity, actual weight, the kind of area its
 * pieces lie in), which the storage of a receipt issued over it is priced by. Applied through
 * the inbox with its inbox row; a repeat changes nothing; goods whose storage kind cannot be
 * told are dead-lettered at once with the refusal.
 */
@Controller()
export class RecordLotGoodsWhenLotBecameAvailableKafkaHandler {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @EventPattern(LotBecameAvailableSchema.typeName)
  async handle(@Payload() event: LotBecameAvailable, @Ctx() ctx: InboxContext): Promise<void> {
    try {
      await handleCommandIn(ctx.store, {
        ...streams.lotGoods(event.lotId),
        decider: lotGoodsDecider,
        command: {
          type: 'RecordLotGoods',
          data: {
            lotId: event.lotId,
            commodity: event.commodity?.code ?? '',
            weightKg: event.net ? fromWeight(event.net) : 0,
            ownerStorageCard: event.ownerStorageCard,
            areaKinds: event.locations.map((location) => location.areaKind),
            at: this.clock.now().toISOString(),
          },
        },
        metadata: ctx.causedMetadata(),
      });
    } catch (error) {
      if (error instanceof DomainError) throw new NonRetryableMessageError(error.code, `lot ${event.lotId}: ${error.message}`);
      throw error;
    }
  }
}
