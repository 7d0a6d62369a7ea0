import { Inject, Injectable } from '@nestjs/common';
import { IntervalScheduler } from '@dw/platform';
import { BillingServiceConfig } from '../../../billing-service.config';
import { IssueStatementsCommandHandler } from './issue-statements.command-handler';

/**
 * Runs the period-end statement run every STATEMENT_RUN_INTERVAL_MS. "Last month" comes from
 * the injected clock in Shanghai, and a run issues only what is not issued yet, so frequent runs
 * cost one query and one stream read per party, and a run after downtime catches up every
 * month missed.
 */
@Injectable()
export class StatementPeriodEndScheduler extends IntervalScheduler {
  constructor(
    @Inject(IssueStatementsCommandHandler) private readonly handler: IssueStatementsCommandHandler,
    @Inject(BillingServiceConfig) config: BillingServiceConfig,
  ) {
    super('StatementPeriodEnd', config.STATEMENT_RUN_INTERVAL_MS);
  }

  protected async run(): Promise<void> {
    const result = await this.handler.runPeriodEnd();
    if (result.issued.length > 0) this.logger.log(`through ${result.through}: issued ${result.issued.join(', ')}`);
    if (result.failed.length > 0) this.logger.error(`through ${result.through}: no statements issued for ${result.failed.join(', ')}`);
  }
}
