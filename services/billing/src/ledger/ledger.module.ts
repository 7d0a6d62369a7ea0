import { Module } from '@nestjs/common';
import { JournalLinesHttpController } from './queries/entries/journal-lines.http.controller';
import { TrialBalanceHttpController } from './queries/trial-balance/trial-balance.http.controller';

/** The double-entry ledger's read side: a party's account statement of entries and the trial balance. */
@Module({ controllers: [JournalLinesHttpController, TrialBalanceHttpController] })
export class LedgerModule {}
