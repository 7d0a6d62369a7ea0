import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  OrderType,
  WorkOrderCancelledSchema,
  WorkOrderCompletedSchema,
  WorkOrderOpenedSchema,
  type WorkOrderCancelled,
  type WorkOrderCompleted,
  type WorkOrderOpened,
} from '@dw/contracts';
import { type Timestamp, timestampDate } from '@bufbuild/protobuf/wkt';
import { handleCommandIn } from '@dw/event-store';
import { type Clock, shanghaiDateOf } from '@dw/kernel';
import { CLOCK, InboxContext } from '@dw/platform';
import { streams } from '../../common/events/streams';
import { releasePlace } from '../commands/appointment.command-handler';
import { gateOrderDecider, type OrderAuthority, type OrderOutcome } from '../domain/gate-order.decider';

const dateOf = (timestamp: Timestamp | undefined): string | null => (timestamp ? shanghaiDateOf(timestampDate(timestamp)) : null);

/** What an opened order authorises at the gate: a pickup's vehicles, collector and period; a delivery's arrival window. Other order types authorise nothing here. */
export function authorityOf(event: WorkOrderOpened): OrderAuthority | null {
  if (event.type === OrderType.OUTBOUND) {
    const pickup = event.pickup;
    const collector = pickup?.collector?.residentIdNumber
      ? { residentIdNumber: pickup.collector.residentIdNumber.toUpperCase(), name: pickup.collector.name, mobile: pickup.collector.mobile }
      : null;
    return {
      orderId: event.orderId,
      purpose: 'pickup',
      ownerPartyId: event.ownerPartyId,
      collector,
      plates: (pickup?.vehiclePlates ?? []).map((plate) => plate.replace(/\s/g, '').toUpperCase()),
      from: pickup?.pickupDate?.value || null,
      until: pickup?.pickupUntil?.value || null,
      ...(event.entitlement?.entitlementId ? { entitlementId: event.entitlement.entitlementId } : {}),
    };
  }
  if (event.type === OrderType.INBOUND) {
    return {
      orderId: event.orderId,
      purpose: 'delivery',
      ownerPartyId: event.ownerPartyId,
      collector: null,
      plates: [],
      from: dateOf(event.notice?.arrivalFrom),
      until: dateOf(event.notice?.arrivalTo),
    };
  }
  return null;
}

/**
 * Order → gate: an opened pickup or delivery order authorises appointments; a completed or
 * cancelled one closes those still booked and gives their places back. Applied through the inbox
 * with its inbox row, so a repeat changes nothing.
 */
@Controller()
export class TrackWorkOrderKafkaHandler {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @EventPattern(WorkOrderOpenedSchema.typeName)
  async opened(@Payload() event: WorkOrderOpened, @Ctx() ctx: InboxContext): Promise<void> {
    const authority = authorityOf(event);
    if (authority === null) return;
    await handleCommandIn(ctx.store, {
      ...streams.gateOrder(event.orderId),
      decider: gateOrderDecider,
      command: { type: 'AuthoriseOrder', data: { ...authority, at: this.clock.now().toISOString() } },
      metadata: ctx.causedMetadata(),
    });
  }

  @EventPattern(WorkOrderCompletedSchema.typeName)
  async completed(@Payload() event: WorkOrderCompleted, @Ctx() ctx: InboxContext): Promise<void> {
    await this.close(event.orderId, 'completed', ctx);
  }

  @EventPattern(WorkOrderCancelledSchema.typeName)
  async cancelled(@Payload() event: WorkOrderCancelled, @Ctx() ctx: InboxContext): Promise<void> {
    await this.close(event.orderId, 'cancelled', ctx);
  }

  private async close(orderId: string, outcome: OrderOutcome, ctx: InboxContext): Promise<void> {
    const at = this.clock.now().toISOString();
    const metadata = ctx.causedMetadata();
    const handled = await handleCommandIn(ctx.store, {
      ...streams.gateOrder(orderId),
      decider: gateOrderDecider,
      command: { type: 'CloseOrder', data: { orderId, outcome, at } },
      metadata,
    });
    for (const appointment of Object.values(handled.before.appointments)) {
      if (appointment.status === 'booked') await releasePlace(ctx.store, appointment, appointment.appointmentId, at, metadata);
    }
  }
}
