import { Inject, Injectable } from '@nestjs/common';
import { Database, type EventMetadata, EventStore, transactionRetryingOnConflict } from '@dw/event-store';
import { addCalendarDays, type Clock, type LocalDate, shanghaiDateOf } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import type { HeldThing } from '../../domain/holding.events';
import { HoldingAccrual } from '../../holding-accrual';

/** The day close acts as the system; what triggered it is in the events' metadata. */
export const DAY_CLOSE_ACTOR = { subject: 'day-close', role: 'system' } as const;

export interface DayCloseResult {
  /** The last day closed: yesterday in Shanghai by the injected clock. */
  readonly through: LocalDate;
  /** Receipts and lots that had days to charge. */
  readonly closed: number;
}

/**
 * Closes every day that is over: each receipt or lot with days not yet closed is closed through
 * yesterday (Shanghai, by the injected clock), in its own transaction. One close catches up
 * every day missed while the service was down; closing again changes nothing (the decider
 * charges each day once), so two replicas or a retry are harmless.
 */
@Injectable()
export class CloseDaysCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Database) private readonly db: Database,
    @Inject(HoldingAccrual) private readonly accrual: HoldingAccrual,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async closeDays(trigger: EventMetadata): Promise<DayCloseResult> {
    const through = addCalendarDays(shanghaiDateOf(this.clock.now()), -1);
    const { rows } = await this.db.query<HeldThing>(
      `SELECT kind, id FROM holdings
        WHERE opened_on <= $1 AND (closed_through IS NULL OR closed_through < $1) AND (ended_on IS NULL OR closed_through IS NULL OR closed_through < ended_on)
        ORDER BY kind, id`,
      [through],
    );
    let closed = 0;
    for (const thing of rows) {
      const handled = await transactionRetryingOnConflict(
        this.store,
        (tx) => this.accrual.decideIn(tx, { kind: thing.kind, id: thing.id }, (pricing) => ({ type: 'CloseStorage', data: { ...pricing, through } }), trigger),
        2,
      );
      if (handled.appended) closed += 1;
    }
    return { through, closed };
  }
}
