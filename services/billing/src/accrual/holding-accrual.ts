import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { type EventMetadata, type EventStoreTransaction, handleCommandIn, loadAggregate } from '@dw/event-store';
import { type Clock, type LocalDate } from '@dw/kernel';
import { BusinessCalendars, CLOCK, TopicNames } from '@dw/platform';
import { streams } from '../common/events/streams';
import { rateCardDecider, rateCardInForce, type RateCardState } from '../rate-card/domain/rate-card.decider';
import type { HoldingCommand } from './domain/holding.commands';
import { holdingDecider, type HoldingState } from './domain/holding.decider';
import type { HeldThing } from './domain/holding.events';
import { feeOutbox } from './integration/fee-events.mapper';

/** What every holding command carries to price a fee: the rates in force, the calendar, the clock's instant. */
export type Pricing = Pick<Extract<HoldingCommand, { type: 'CloseStorage' }>['data'], 'rateCardOf' | 'calendar' | 'at'>;

/**
 * Decides one command on one holding inside a transaction (a Kafka inbox's, or a day close's):
 * loads the holding, the published default and the rate cards of every party the decision may
 * charge (each holder it has had, and `alsoCharged`), so the decider prices from data read in
 * the same transaction, and writes the fees to billing.fee.v1 through the outbox.
 */
@Injectable()
export class HoldingAccrual {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
    @Inject(TopicNames) private readonly topics: TopicNames,
    @Inject(EventRegistry) private readonly registry: EventRegistry,
  ) {}

  async decideIn(
    tx: EventStoreTransaction,
    thing: HeldThing,
    command: (pricing: Pricing, state: HoldingState) => HoldingCommand,
    metadata: EventMetadata,
    alsoCharged: readonly string[] = [],
  ) {
    const stream = streams.holding(thing);
    const { state } = await loadAggregate(tx, stream.streamId, holdingDecider);
    const parties = new Set([...state.changes.flatMap((change) => (change.holderPartyId ? [change.holderPartyId] : [])), ...alsoCharged]);
    const pricing: Pricing = { rateCardOf: await this.rateCardsIn(tx, [...parties]), calendar: this.calendars.current(), at: this.clock.now().toISOString() };
    return handleCommandIn(tx, {
      ...stream,
      decider: holdingDecider,
      command: command(pricing, state),
      metadata,
      outbox: feeOutbox(this.topics, this.registry),
    });
  }

  private async rateCardsIn(tx: EventStoreTransaction, partyIds: readonly string[]) {
    const published = await this.cardIn(tx, null);
    const contracts = new Map<string, RateCardState>();
    for (const partyId of partyIds) contracts.set(partyId, await this.cardIn(tx, partyId));
    return (partyId: string, day: LocalDate) => {
      const contract = contracts.get(partyId);
      // A party whose card was not read would be priced at the default without its contract: a fault, never a price.
      if (!contract) throw new Error(`the rate card of party ${partyId} was not read for this decision`);
      return rateCardInForce(contract, published, day);
    };
  }

  private async cardIn(tx: EventStoreTransaction, partyId: string | null): Promise<RateCardState> {
    return (await loadAggregate(tx, streams.rateCard(partyId).streamId, rateCardDecider)).state;
  }
}
