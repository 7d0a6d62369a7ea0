import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { fromWeight, LotBecameAvailableSchema, type LotBecameAvailable } from '@dw/contracts';
import type { Clock } from '@dw/kernel';
import { deadLetteringRefusals, CLOCK, InboxContext } from '@dw/platform';
import type { Actor } from '../../common/domain/actor';
import { streams } from '../../common/events/streams';
import { nowOf } from '../../common/http/clock-instant';
import { lotBackingDecider } from '../domain/lot-backing.decider';
import type { LotFactsInput } from '../domain/lot-facts';
import { handleCommandIn } from '@dw/event-store';

/** The inventory service's facts about a lot, in the terms a receipt states them. */
export function lotFactsOf(event: LotBecameAvailable): LotFactsInput {
  return {
    lotId: event.lotId,
    // Receipts and their rules are keyed by the commodity's standard code.
    commodity: event.commodity?.code ?? '',
    brand: event.brand,
    grade: event.grade,
    warehouseId: event.warehouse,
    // Where its pieces lie; a lot put away over several locations names them all.
    location: event.locations.map((location) => location.locationId).join(','),
    pieces: event.pieces,
    weightKg: event.net ? fromWeight(event.net) : 0,
    productionDates: event.productionDates.map((date) => date.value),
    ownerCard: event.ownerStorageCard,
    inspectionReportRef: event.inspectionReportRef,
  };
}

/**
 * Inventory → receipt: a lot that completed inbound becomes available for receipts. Applied
 * through the inbox in one transaction with its inbox row (exactly once in effect); a repeat of
 * the same facts is a no-op. Facts the domain refuses (no weight, no production dates, a lot
 * already registered with other facts) cannot be fixed by retrying: they are dead-lettered at
 * once, with the refusal, for the operations team.
 */
@Controller()
export class RegisterLotWhenLotBecameAvailableKafkaHandler {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @EventPattern(LotBecameAvailableSchema.typeName)
  async handle(@Payload() event: LotBecameAvailable, @Ctx() ctx: InboxContext): Promise<void> {
    const metadata = ctx.causedMetadata();
    const actor: Actor = { subject: metadata.actor.subject, role: 'system' };
    await deadLetteringRefusals(`lot ${event.lotId}`, async () => {
      await handleCommandIn(ctx.store, {
        ...streams.lot(event.lotId),
        decider: lotBackingDecider,
        command: { type: 'RegisterAvailableLot', data: { lot: lotFactsOf(event), actor, at: nowOf(this.clock) } },
        metadata,
      });
    });
  }
}
