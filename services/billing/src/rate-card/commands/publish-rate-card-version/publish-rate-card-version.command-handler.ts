import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { BusinessCalendars, CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { rateCardDecider } from '../../domain/rate-card.decider';
import type { RateCardVersion } from '../../domain/rate-card.events';
import type { PublishRateCardVersionRequestDto } from './publish-rate-card-version.request.dto';

/** A manager publishes a version of the warehouse's default rate card (`partyId` null) or of a depositor's contract. */
@Injectable()
export class PublishRateCardVersionCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
  ) {}

  async execute(
    partyId: string | null,
    body: PublishRateCardVersionRequestDto,
    caller: Caller,
    expectedVersion?: number,
  ): Promise<{ published: RateCardVersion; streamVersion: number }> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['manager']);
    const handled = await this.store.transaction((tx) =>
      handleCommandIn(tx, {
        ...streams.rateCard(partyId),
        decider: rateCardDecider,
        command: {
          type: 'PublishRateCardVersion',
          data: { partyId, effectiveFrom: body.effectiveFrom, terms: body.terms, actor, at, calendar: this.calendars.current() },
        },
        metadata,
        expectedVersion,
      }),
    );
    // Version numbers count publications, so the one just published has the highest.
    const published = handled.state.versions.find((version) => version.version === handled.state.versions.length)!;
    return { published, streamVersion: handled.version };
  }
}
