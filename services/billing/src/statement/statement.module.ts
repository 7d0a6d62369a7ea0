import { Module } from '@nestjs/common';
import { DRAINABLE } from '@dw/platform';
import { IssueStatementsCommandHandler } from './commands/issue-statements/issue-statements.command-handler';
import { IssueStatementsHttpController } from './commands/issue-statements/issue-statements.http.controller';
import { StatementPeriodEndScheduler } from './commands/issue-statements/statement-period-end.scheduler';
import { ReviewStatementHttpController } from './commands/review-statement/review-statement.http.controller';
import { StatementSigner } from './document/statement-signer';
import { RecordFactsWhenFeesOrPaymentsPublishedKafkaHandler } from './integration/record-facts-when-fees-or-payments-published.kafka-handler';
import { StatementsHttpController } from './queries/statements/statements.http.controller';
import { StatementBooks } from './statement-books';

/** Statements per depositor party per month: the facts from billing.fee.v1 and billing.payment.v1, issue at period end, review, the signed PDF. */
@Module({
  controllers: [IssueStatementsHttpController, StatementsHttpController, ReviewStatementHttpController, RecordFactsWhenFeesOrPaymentsPublishedKafkaHandler],
  providers: [
    StatementBooks,
    StatementSigner,
    IssueStatementsCommandHandler,
    StatementPeriodEndScheduler,
    { provide: DRAINABLE, useExisting: StatementPeriodEndScheduler },
  ],
  exports: [StatementBooks],
})
export class StatementModule {}
