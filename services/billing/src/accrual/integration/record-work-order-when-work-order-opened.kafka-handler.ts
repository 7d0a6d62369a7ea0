import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { PickupMethod, WorkOrderOpenedSchema, type WorkOrderOpened } from '@dw/contracts';
import { handleCommandIn } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { deadLetteringRefusals, CLOCK, InboxContext } from '@dw/platform';
import { streams } from '../../common/events/streams';
import type { LoadOutMethod } from '../../rate-card/domain/rate-card.terms';
import { workOrderFactsDecider } from '../domain/work-order-facts.decider';

const METHODS: Partial<Record<PickupMethod, LoadOutMethod>> = {
  [PickupMethod.SELF_COLLECT]: 'self_collect',
  [PickupMethod.WAREHOUSE_DELIVERY]: 'warehouse_delivery',
};

/**
 * Order → billing: whose goods a work order moves (its storage card's party: the owner of goods
 * received under an inbound order) and a pickup's method (the load-out fee's price). Applied
 * through the inbox with its inbox row; a repeat changes nothing.
 */
@Controller()
export class RecordWorkOrderWhenWorkOrderOpenedKafkaHandler {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @EventPattern(WorkOrderOpenedSchema.typeName)
  async handle(@Payload() event: WorkOrderOpened, @Ctx() ctx: InboxContext): Promise<void> {
    await deadLetteringRefusals(`work order ${event.orderId}`, async () => {
      await handleCommandIn(ctx.store, {
        ...streams.workOrderFacts(event.orderId),
        decider: workOrderFactsDecider,
        command: {
          type: 'RecordWorkOrder',
          data: {
            orderId: event.orderId,
            ownerPartyId: event.ownerPartyId,
            ownerStorageCard: event.ownerStorageCard,
            pickupMethod: event.pickup ? (METHODS[event.pickup.method] ?? null) : null,
            at: this.clock.now().toISOString(),
          },
        },
        metadata: ctx.causedMetadata(),
      });
    });
  }
}
