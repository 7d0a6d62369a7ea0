import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Database, type EventMetadata } from '@dw/event-store';
import { type Clock, shanghaiDateOf, type YearMonth } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import type { Actor } from '../../../common/domain/actor';
import type { StatementIssued } from '../../domain/statement-book.events';
import { periodOf, previousPeriod } from '../../domain/statement-period';
import { StatementBooks } from '../../statement-books';

/** Issues statements through a month: for one party (a manager, on demand) or for every party with billing facts (the period-end run). */
@Injectable()
export class IssueStatementsCommandHandler {
  constructor(
    @Inject(StatementBooks) private readonly books: StatementBooks,
    @Inject(Database) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async issueFor(partyId: string, through: YearMonth, actor: Actor | null, metadata: EventMetadata): Promise<StatementIssued[]> {
    const handled = await this.books.handle(
      partyId,
      { type: 'IssueStatementsThrough', data: { partyId, through, trigger: actor ? 'on_demand' : 'period_end', actor, at: this.clock.now().toISOString() } },
      metadata,
    );
    const appended = handled.appended?.events ?? [];
    return appended.filter((event) => event.type === 'StatementIssued').map((event) => ({ type: 'StatementIssued', data: event.data }) as StatementIssued);
  }

  /** The period-end run: every party's statements through last month, each party on its own (one party's failure never holds up the rest). */
  async runPeriodEnd(): Promise<{ through: YearMonth; issued: string[]; failed: string[] }> {
    const through = previousPeriod(periodOf(shanghaiDateOf(this.clock.now())));
    const { rows } = await this.db.query<{ party_id: string }>(`SELECT party_id FROM statement_parties ORDER BY party_id`);
    const issued: string[] = [];
    const failed: string[] = [];
    for (const { party_id: partyId } of rows) {
      try {
        const events = await this.issueFor(partyId, through, null, { actor: { subject: 'statement-period-end', role: 'system' }, correlationId: randomUUID() });
        issued.push(...events.map((event) => event.data.statementId));
      } catch {
        failed.push(partyId);
      }
    }
    return { through, issued, failed };
  }
}
