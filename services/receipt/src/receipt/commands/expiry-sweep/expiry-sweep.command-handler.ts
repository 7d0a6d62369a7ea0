import { Inject, Injectable } from '@nestjs/common';
import { Database, type EventMetadata, EventStore, handleCommand } from '@dw/event-store';
import { type Clock, type LocalDate, localDate, refuse, shanghaiDateOf } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import type { Actor } from '../../../common/domain/actor';
import { streams } from '../../../common/events/streams';
import { nowOf } from '../../../common/http/clock-instant';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { receiptDecider } from '../../domain/receipt.decider';
import { receiptPublicEvents } from '../../integration/receipt-events.mapper';

/** The job acts as the system; who triggered it (the schedule or an ops person) is in the events' metadata. */
export const EXPIRY_SWEEP_ACTOR: Actor = { subject: 'expiry-sweep', role: 'system' };

export interface ExpirySweepResult {
  readonly asOf: LocalDate;
  /** Receipts this run flagged expired (a receipt already flagged is not flagged again). */
  readonly flagged: readonly string[];
}

/**
 * Flags every outstanding receipt whose validity ended before `asOf` (a Shanghai date, today by
 * default, from the injected clock). Idempotent: FlagExpired on an expired receipt decides
 * nothing, so running it again, or on two replicas at once, flags each receipt once. Each
 * receipt is its own transaction: one receipt's conflict never holds up the rest.
 */
@Injectable()
export class ExpirySweepCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Database) private readonly db: Database,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  today(): LocalDate {
    return shanghaiDateOf(this.clock.now());
  }

  /** `trigger`: the metadata of what started the run (the schedule, or an ops request). */
  async sweep(trigger: EventMetadata, asOfText?: string): Promise<ExpirySweepResult> {
    // rule RCPT-EXPIRY-DAY-AFTER
    const today = this.today();
    const asOf = asOfText === undefined ? today : localDate(asOfText, 'asOf');
    if (asOf > today) throw refuse.invalid('EXPIRY_AS_OF_IN_FUTURE', `cannot sweep as of ${asOf} on ${today}`, 'asOf', { asOf, today });
    const { rows } = await this.db.query<{ receipt_number: string }>(
      `SELECT receipt_number FROM receipts WHERE status = 'outstanding' AND valid_until < $1 ORDER BY valid_until, receipt_number`,
      [asOf],
    );
    const flagged: string[] = [];
    for (const { receipt_number: receiptNumber } of rows) {
      if (await this.flag(receiptNumber, asOf, trigger)) flagged.push(receiptNumber);
    }
    return { asOf, flagged };
  }

  /** Flags one receipt; a concurrent change to it (a transfer, a hold) is retried, as FlagExpired commutes with them. */
  private async flag(receiptNumber: string, asOf: LocalDate, trigger: EventMetadata): Promise<boolean> {
    const handled = await handleCommand(this.store, {
      ...streams.receipt(receiptNumber),
      decider: receiptDecider,
      command: { type: 'FlagExpired', data: { asOf, actor: EXPIRY_SWEEP_ACTOR, at: nowOf(this.clock) } },
      metadata: trigger,
      outboxFor: this.outbox.of(receiptDecider, receiptPublicEvents),
      retriesOnConflict: 2,
    });
    return handled.appended !== null;
  }
}
