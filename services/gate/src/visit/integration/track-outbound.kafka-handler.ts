import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  fromWeight,
  OutboundEntitlementExhaustedSchema,
  OutboundEntitlementGrantedSchema,
  PiecesShippedOutSchema,
  StockHoldKind,
  StockHoldPlacedSchema,
  StockHoldReleasedSchema,
  type OutboundEntitlementExhausted,
  type OutboundEntitlementGranted,
  type PiecesShippedOut,
  type StockHoldPlaced,
  type StockHoldReleased,
} from '@dw/contracts';
import { Database, handleCommandIn } from '@dw/event-store';
import { type Clock, normalisedPlate } from '@dw/kernel';
import { CLOCK, InboxContext } from '@dw/platform';
import { streams } from '../../common/events/streams';
import { entitlementDecider, lotHoldsDecider } from '../domain/outbound-facts.decider';
import { visitDecider } from '../domain/visit.decider';
import { visitOnSiteOf } from '../on-site';

/**
 * Inventory and receipt → gate, for the exit release: a load-out's pieces on a vehicle become a
 * load of that vehicle's visit on site (a load-out naming no plate, or a plate with no vehicle on
 * site, teaches the gate nothing); an entitlement granted or exhausted; a lot's freeze holds
 * placed and released (reservations do not hold a vehicle). Applied through the inbox with its
 * inbox row, so a repeat changes nothing.
 */
@Controller()
export class TrackOutboundKafkaHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(Database) private readonly db: Database,
  ) {}

  @EventPattern(PiecesShippedOutSchema.typeName)
  async shipped(@Payload() event: PiecesShippedOut, @Ctx() ctx: InboxContext): Promise<void> {
    const plate = normalisedPlate(event.vehicle);
    const visitId = plate === null ? null : await visitOnSiteOf(this.db, plate);
    if (visitId === null) return;
    await handleCommandIn(ctx.store, {
      ...streams.visit(visitId),
      decider: visitDecider,
      command: {
        type: 'LearnLoad',
        data: {
          visitId,
          lotId: event.lotId,
          load: {
            noteId: event.loadOutNoteId,
            orderId: event.orderId,
            entitlementId: event.entitlementId || null,
            lotIds: [event.lotId],
            pieces: event.pieces,
            netKg: event.net ? fromWeight(event.net) : 0,
            toleranceBps: event.toleranceBasisPoints,
          },
          at: this.clock.now().toISOString(),
        },
      },
      metadata: ctx.causedMetadata(),
    });
  }

  @EventPattern(OutboundEntitlementGrantedSchema.typeName)
  async granted(@Payload() event: OutboundEntitlementGranted, @Ctx() ctx: InboxContext): Promise<void> {
    await handleCommandIn(ctx.store, {
      ...streams.gateEntitlement(event.entitlementId),
      decider: entitlementDecider,
      command: {
        type: 'LearnGrant',
        data: { entitlementId: event.entitlementId, lotIds: event.lots.map((lot) => lot.lotId), at: this.clock.now().toISOString() },
      },
      metadata: ctx.causedMetadata(),
    });
  }

  @EventPattern(OutboundEntitlementExhaustedSchema.typeName)
  async exhausted(@Payload() event: OutboundEntitlementExhausted, @Ctx() ctx: InboxContext): Promise<void> {
    await handleCommandIn(ctx.store, {
      ...streams.gateEntitlement(event.entitlementId),
      decider: entitlementDecider,
      command: { type: 'LearnExhaustion', data: { entitlementId: event.entitlementId, at: this.clock.now().toISOString() } },
      metadata: ctx.causedMetadata(),
    });
  }

  @EventPattern(StockHoldPlacedSchema.typeName)
  async placed(@Payload() event: StockHoldPlaced, @Ctx() ctx: InboxContext): Promise<void> {
    await this.freeze(event, true, ctx);
  }

  @EventPattern(StockHoldReleasedSchema.typeName)
  async released(@Payload() event: StockHoldReleased, @Ctx() ctx: InboxContext): Promise<void> {
    await this.freeze(event, false, ctx);
  }

  private async freeze(event: StockHoldPlaced | StockHoldReleased, placed: boolean, ctx: InboxContext): Promise<void> {
    if (event.kind !== StockHoldKind.FREEZE) return;
    await handleCommandIn(ctx.store, {
      ...streams.gateLot(event.lotId),
      decider: lotHoldsDecider,
      command: { type: 'LearnFreeze', data: { lotId: event.lotId, holdId: event.holdId, placed, at: this.clock.now().toISOString() } },
      metadata: ctx.causedMetadata(),
    });
  }
}
