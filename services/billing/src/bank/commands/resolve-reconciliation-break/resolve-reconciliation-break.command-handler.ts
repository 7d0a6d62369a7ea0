import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@dw/event-store';
import { type Clock, refuse } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { BillingOutbox } from '../../../common/integration/billing-outbox';
import { bankStatementDecider } from '../../domain/bank-statement.decider';
import { bankStatementPublicEvents } from '../../integration/bank-events.mapper';
import type { StatementBreakResponseDto } from '../submit-bank-statement/submit-bank-statement.response.dto';
import type { ResolveReconciliationBreakRequestDto } from './resolve-reconciliation-break.request.dto';

const BREAK_ID = /^([A-Za-z0-9][A-Za-z0-9._-]{0,63}):(\d{4}-\d{2}-\d{2}):[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A manager resolves a reconciliation break (ReconciliationBreakResolved on billing.alarm.v1). */
@Injectable()
export class ResolveReconciliationBreakCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BillingOutbox) private readonly outbox: BillingOutbox,
  ) {}

  async execute(breakId: string, body: ResolveReconciliationBreakRequestDto, caller: Caller): Promise<StatementBreakResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['manager']);
    const [, bankId, statementDate] = BREAK_ID.exec(breakId) ?? [];
    if (bankId === undefined || statementDate === undefined)
      throw refuse.notFound('RECONCILIATION_BREAK_NOT_FOUND', `no reconciliation break ${breakId}`, { breakId });
    // Breaks of one statement are resolved independently: a concurrent resolution of another is retried on the fresh stream.
    await handleCommand(this.store, {
      ...streams.bankStatement(bankId, statementDate),
      decider: bankStatementDecider,
      command: { type: 'ResolveReconciliationBreak', data: { breakId, resolution: body.resolution, actor, at } },
      metadata,
      outbox: this.outbox.of(bankStatementPublicEvents),
      retriesOnConflict: 3,
    });
    return { breakId, open: false };
  }
}
