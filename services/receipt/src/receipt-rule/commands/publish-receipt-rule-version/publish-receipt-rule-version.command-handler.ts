import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { commandContextOf, type Caller } from '../../../common/http/caller';
import { receiptRuleDecider } from '../../domain/receipt-rule.decider';
import type { ReceiptRuleTerms, ValidityRule } from '../../domain/receipt-rule.terms';
import type { PublishReceiptRuleVersionRequestDto } from './publish-receipt-rule-version.request.dto';

/** A manager publishes a dated version of a commodity's receipt rules (rules as data, never edited in place). */
@Injectable()
export class PublishReceiptRuleVersionCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    commodity: string,
    body: PublishReceiptRuleVersionRequestDto,
    caller: Caller,
    expectedVersion?: number,
  ): Promise<{ version: number; streamVersion: number }> {
    const { actor, at, metadata } = commandContextOf(caller, ['manager'], this.clock);
    const { validity, ...rest } = body.terms;
    const terms: ReceiptRuleTerms = {
      ...rest,
      maxProductionSpanDays: rest.maxProductionSpanDays ?? null,
      // Only the field that belongs to the basis is carried; the decider refuses a missing one.
      validity: (validity.basis === 'production-date'
        ? { basis: validity.basis, days: validity.days }
        : { basis: validity.basis, months: validity.months }) as ValidityRule,
    };
    const handled = await this.store.transaction((tx) =>
      handleCommandIn(tx, {
        ...streams.receiptRule(commodity),
        decider: receiptRuleDecider,
        command: { type: 'PublishReceiptRuleVersion', data: { commodity, effectiveFrom: body.effectiveFrom, terms, actor, at } },
        metadata,
        expectedVersion,
      }),
    );
    return { version: handled.state.versions.length, streamVersion: handled.version };
  }
}
