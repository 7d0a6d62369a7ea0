import { Inject, Injectable } from '@nestjs/common';
import { type EventMetadata, EventStore, type EventStoreTransaction, handleCommand, handleCommandIn, loadAggregate } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { streams } from '../common/events/streams';
import type { StatementBookCommand } from './domain/statement-book.commands';
import { statementBookDecider, type Statement, type StatementBookState } from './domain/statement-book.decider';
import { yearMonth } from './domain/statement-period';

const STATEMENT_ID = /^STMT-(\d{4}-\d{2})-(.+)$/;

/** A statement id names its party and period: `STMT-<YYYY-MM>-<partyId>`. */
export function parseStatementId(statementId: string): { partyId: string; period: ReturnType<typeof yearMonth> } {
  const match = STATEMENT_ID.exec(statementId);
  if (!match) throw refuse.notFound('STATEMENT_NOT_FOUND', `no statement ${statementId}`, { statementId });
  return { partyId: match[2]!, period: yearMonth(match[1]!, 'statementId') };
}

/** Commands on a party's statement book, inside a Kafka consumer's transaction or on their own; concurrent facts commute, so a conflict is retried. */
@Injectable()
export class StatementBooks {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async handle(partyId: string, command: StatementBookCommand, metadata: EventMetadata) {
    return handleCommand(this.store, { ...streams.statementBook(partyId), decider: statementBookDecider, command, metadata, retriesOnConflict: 3 });
  }

  async load(partyId: string): Promise<{ state: StatementBookState; version: number }> {
    const { state, version } = await this.store.transaction((tx) => loadAggregate(tx, streams.statementBook(partyId).streamId, statementBookDecider));
    return { state, version };
  }

  /** The latest version of a statement; a missing one is STATEMENT_NOT_FOUND. */
  async statement(statementId: string): Promise<{ partyId: string; statement: Statement; issuedAt: string }> {
    const { partyId, period } = parseStatementId(statementId);
    const { state } = await this.load(partyId);
    const statement = state.statements.find((candidate) => candidate.period === period);
    if (!statement) throw refuse.notFound('STATEMENT_NOT_FOUND', `no statement ${statementId}`, { statementId });
    return { partyId, statement, issuedAt: statement.issuedAt };
  }
}

/** The same inside a consumer's transaction (the inbox row commits with the events). */
export function handleStatementBookIn(tx: EventStoreTransaction, partyId: string, command: StatementBookCommand, metadata: EventMetadata) {
  return handleCommandIn(tx, { ...streams.statementBook(partyId), decider: statementBookDecider, command, metadata });
}
