import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { StockHoldKind as StockHoldKindPb, StockHoldPlacedSchema, StockHoldReleasedSchema, type StockHoldPlaced, type StockHoldReleased } from '@dw/contracts';
import type { Clock } from '@dw/kernel';
import { handleCommandIn } from '@dw/event-store';
import { deadLetteringRefusals, CLOCK, InboxContext } from '@dw/platform';
import type { Actor } from '../../common/domain/actor';
import { streams } from '../../common/events/streams';
import { nowOf } from '../../common/http/clock-instant';
import type { LotBackingCommand } from '../domain/lot-backing.commands';
import { lotBackingDecider } from '../domain/lot-backing.decider';
import type { StockHoldKind } from '../domain/lot-backing.events';

/** The contract's kinds in the domain's words; an unspecified kind is passed as '' and refused by the decider. */
const KINDS: Readonly<Partial<Record<StockHoldKindPb, StockHoldKind>>> = {
  [StockHoldKindPb.RESERVATION]: 'reservation',
  [StockHoldKindPb.FREEZE]: 'freeze',
};

/**
 * Inventory → receipt: holds inventory places on goods as stock, and their releases, recorded on
 * the lot's stream so a lot with an unreleased stock hold cannot become receipt goods (rule
 * RCPT-ONE-ENCUMBRANCE-MODEL). Applied through the inbox in one transaction with its inbox row;
 * each hold is taken once by its id, so a redelivery changes nothing. A hold the domain refuses
 * (an unknown lot or kind, a release of a hold never placed) is dead-lettered at once with the code.
 */
@Controller()
export class RecordStockHoldWhenStockHoldPlacedOrReleasedKafkaHandler {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @EventPattern(StockHoldPlacedSchema.typeName)
  async placed(@Payload() event: StockHoldPlaced, @Ctx() ctx: InboxContext): Promise<void> {
    await this.record(event.lotId, ctx, (actor, at) => ({
      type: 'RecordStockHoldPlaced',
      data: { holdId: event.holdId, kind: KINDS[event.kind] ?? ('' as StockHoldKind), holder: event.holder, actor, at },
    }));
  }

  @EventPattern(StockHoldReleasedSchema.typeName)
  async released(@Payload() event: StockHoldReleased, @Ctx() ctx: InboxContext): Promise<void> {
    await this.record(event.lotId, ctx, (actor, at) => ({ type: 'RecordStockHoldReleased', data: { holdId: event.holdId, actor, at } }));
  }

  private async record(lotId: string, ctx: InboxContext, command: (actor: Actor, at: string) => LotBackingCommand): Promise<void> {
    const metadata = ctx.causedMetadata();
    const actor: Actor = { subject: metadata.actor.subject, role: 'system' };
    await deadLetteringRefusals(`lot ${lotId}`, async () => {
      await handleCommandIn(ctx.store, { ...streams.lot(lotId), decider: lotBackingDecider, command: command(actor, nowOf(this.clock)), metadata });
    });
  }
}
