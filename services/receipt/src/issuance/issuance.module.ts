import { Module } from '@nestjs/common';
import { ApplyForIssuanceCommandHandler } from './commands/apply-for-issuance/apply-for-issuance.command-handler';
import { ApplyForIssuanceHttpController } from './commands/apply-for-issuance/apply-for-issuance.http.controller';
import { DecideIssuanceCommandHandler } from './commands/decide-issuance/decide-issuance.command-handler';
import { ExchangeIssuanceHttpController } from './commands/decide-issuance/decide-issuance.http.controller';
import { WithdrawIssuanceHttpController } from './commands/withdraw-issuance/withdraw-issuance.http.controller';
import {
  ExchangeIssuanceApplicationsHttpController,
  IssuanceApplicationsHttpController,
} from './queries/issuance-applications/issuance-applications.http.controller';
import { IssuanceApplicationsReadModel } from './queries/issuance-applications/issuance-applications.read-model';

/** Issuance applications (注册申请): lots held for the receipts the exchange approves or rejects. */
@Module({
  controllers: [
    ApplyForIssuanceHttpController,
    WithdrawIssuanceHttpController,
    IssuanceApplicationsHttpController,
    ExchangeIssuanceHttpController,
    ExchangeIssuanceApplicationsHttpController,
  ],
  providers: [ApplyForIssuanceCommandHandler, DecideIssuanceCommandHandler, IssuanceApplicationsReadModel],
})
export class IssuanceModule {}
