import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TakePaidSchema, type TakePaid } from '@dw/contracts';
import { type EventMetadata, type EventStoreTransaction, loadAggregate } from '@dw/event-store';
import { type Clock, DomainError } from '@dw/kernel';
import { NonRetryableMessageError } from '@dw/messaging';
import { CLOCK, InboxContext } from '@dw/platform';
import type { Actor } from '../../../common/domain/actor';
import { cardIn } from '../../../common/events/load-streams';
import { streams } from '../../../common/events/streams';
import { nowOf } from '../../../common/http/clock-instant';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { receiptDecider } from '../../../receipt/domain/receipt.decider';
import type { ReceiptEvent } from '../../../receipt/domain/receipt.events';
import type { ReceiptState } from '../../../receipt/domain/receipt.state';
import { TRADING_PLATFORM } from '../../../receipt/domain/receipt.trading';
import { receiptPublicEvents } from '../../../receipt/integration/receipt-events.mapper';
import { ListingWrites } from '../commands/listing-writes';
import { listingDecider } from '../domain/listing.decider';
import type { Take } from '../domain/listing.state';
import { listingStream } from '../listing.streams';

/**
 * Billing → receipt (billing.trading.v1 TakePaid): in the inbox's one transaction every receipt of
 * the take moves to the buyer's card (the listing's hold lifted with it, TransferOnTake) and the
 * listing records the take settled (TakeSettled), so there is never a paid take with half its
 * title moved. Once per take: a replay finds it settled and changes nothing.
 *
 * Every receipt is decided before anything is appended: if one cannot move (a court froze it
 * meanwhile, the buyer's card was suspended, the take had been released), no title moves and
 * the listing records the paid take as stuck (TakePaidTitleStuck), keeping its receipts reserved,
 * and the fault is logged as an error for the exchange to settle by hand; the money is never
 * silently kept or the receipts silently returned.
 */
interface DecidedTransfer {
  readonly receiptNumber: string;
  readonly state: ReceiptState;
  readonly version: number;
  readonly events: ReceiptEvent[];
}

@Controller()
export class SettleTakeWhenTakePaidKafkaHandler {
  private readonly logger = new Logger('SettleTake');

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(ListingWrites) private readonly writes: ListingWrites,
  ) {}

  @EventPattern(TakePaidSchema.typeName)
  async handle(@Payload() event: TakePaid, @Ctx() ctx: InboxContext): Promise<void> {
    // rules TRADE-TAKE-SETTLES-TITLE, TRADE-TAKE-ONCE
    const metadata = ctx.causedMetadata();
    const at = nowOf(this.clock);
    const system: Actor = { subject: metadata.actor.subject, role: 'system' };
    const { state } = await loadAggregate(ctx.store, listingStream(event.listingId).streamId, listingDecider);
    const take = state.takes[event.takeId];
    if (!state.terms || !take) throw new NonRetryableMessageError('TAKE_NOT_FOUND', `take ${event.takeId} of listing ${event.listingId} is unknown here`);
    if (take.status === 'settled' || take.status === 'stuck') return;
    if (take.status === 'released') {
      await this.stuck(ctx.store, event.listingId, take, 'TAKE_ALREADY_RELEASED', 'billing paid a take whose receipts had been released', system, at, metadata);
      return;
    }
    const decided = await this.transfers(
      ctx.store,
      event.listingId,
      take,
      { subject: metadata.actor.subject, role: 'exchange', partyId: TRADING_PLATFORM.partyId },
      at,
    );
    if ('refusal' in decided) {
      await this.stuck(ctx.store, event.listingId, take, decided.refusal.code, decided.refusal.message, system, at, metadata);
      return;
    }
    for (const { receiptNumber, state: before, version, events } of decided.transfers) {
      await ctx.store.append({
        ...streams.receipt(receiptNumber),
        expectedVersion: version,
        events,
        metadata,
        outbox: this.outbox.of(receiptDecider, receiptPublicEvents)(before),
      });
    }
    await this.writes.decide(ctx.store, event.listingId, { type: 'SettleTake', data: { takeId: event.takeId, actor: system, at } }, metadata);
  }

  /** Each receipt's TransferOnTake, decided on its stream as it is now; the first refusal stops them all. */
  private async transfers(
    tx: EventStoreTransaction,
    listingId: string,
    take: Take,
    platform: Actor,
    at: string,
  ): Promise<{ refusal: DomainError } | { transfers: DecidedTransfer[] }> {
    const buyerCard = await cardIn(tx, take.buyer.accountNumber);
    const transfers: DecidedTransfer[] = [];
    for (const { receiptNumber } of take.receipts) {
      const { state, version } = await loadAggregate(tx, streams.receipt(receiptNumber).streamId, receiptDecider);
      try {
        const events = receiptDecider.decide({ type: 'TransferOnTake', data: { listingId, takeId: take.takeId, buyerCard, actor: platform, at } }, state);
        transfers.push({ receiptNumber, state, version, events });
      } catch (error) {
        if (error instanceof DomainError)
          return { refusal: new DomainError(error.code, `receipt ${receiptNumber}: ${error.message}`, error.kind, error.details) };
        throw error;
      }
    }
    return { transfers };
  }

  private async stuck(
    tx: EventStoreTransaction,
    listingId: string,
    take: Take,
    reasonCode: string,
    reason: string,
    actor: Actor,
    at: string,
    metadata: EventMetadata,
  ) {
    const handled = await this.writes.decide(
      tx,
      listingId,
      { type: 'RecordTakeTitleStuck', data: { takeId: take.takeId, reasonCode, reason, actor, at } },
      metadata,
    );
    if (handled.appended)
      this.logger.error(
        `take ${take.takeId} of listing ${listingId} was paid but its title did not move (${reasonCode}: ${reason}); the exchange must settle it`,
      );
  }
}
