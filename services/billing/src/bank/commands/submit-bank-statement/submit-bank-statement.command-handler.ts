import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@dw/event-store';
import { localDate, type Clock } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { BillingOutbox } from '../../../common/integration/billing-outbox';
import { bankStatementDecider } from '../../domain/bank-statement.decider';
import { bankStatementPublicEvents } from '../../integration/bank-events.mapper';
import { CashAtBankBook } from '../../queries/cash-at-bank/cash-at-bank.book';
import type { SubmitBankStatementRequestDto } from './submit-bank-statement.request.dto';
import type { BankStatementResponseDto } from './submit-bank-statement.response.dto';

/** A bank submits its statement of one day; it is reconciled with our cash at that bank the moment it arrives. */
@Injectable()
export class SubmitBankStatementCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BillingOutbox) private readonly outbox: BillingOutbox,
    @Inject(CashAtBankBook) private readonly book: CashAtBankBook,
  ) {}

  async execute(body: SubmitBankStatementRequestDto, caller: Caller): Promise<BankStatementResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['bank']);
    const bankId = actor.subject;
    // A real calendar day before the book is read: the DTO checks only the shape, and 2027-02-29 would reach the SQL.
    const statementDate = localDate(body.statementDate, 'statementDate');
    const book = await this.book.movementsOn(bankId, statementDate);
    const handled = await handleCommand(this.store, {
      ...streams.bankStatement(bankId, statementDate),
      decider: bankStatementDecider,
      command: { type: 'SubmitBankStatement', data: { bankId, statementDate, lines: body.lines, book, actor, at } },
      metadata,
      outbox: this.outbox.of(bankStatementPublicEvents),
    });
    const breaks = Object.entries(handled.state.breaks)
      .map(([breakId, open]) => ({ breakId, open }))
      .sort((a, b) => a.breakId.localeCompare(b.breakId));
    return { bankId, statementDate, lines: handled.state.received?.lines.length ?? 0, breaks };
  }
}
