import { Module } from '@nestjs/common';
import { DRAINABLE } from '@dw/platform';
import { FactoryOutbox } from '../common/integration/factory-outbox';
import { ApproveFactoryHttpController } from './commands/approve-factory/approve-factory.http.controller';
import { FactoryCommandHandler } from './commands/factory.command-handler';
import { ExchangeGuaranteeHttpController, FactoryGuaranteeHttpController } from './commands/guarantee/guarantee.http.controller';
import { ApplyForIssuanceHttpController, DecideIssuanceHttpController } from './commands/issuance/issuance.http.controller';
import { IssuanceOverdueSweep } from './commands/overdue-sweep/issuance-overdue-sweep';
import { FactoriesHttpController, IntegrationFactoriesHttpController } from './queries/factories/factories.http.controller';
import { FactoryViews } from './queries/factories/factory-views';

/** Factory warehouses: the exchange's approvals and terms, the guarantees, issuance applications and their decisions, the overdue sweep. */
@Module({
  controllers: [
    ApproveFactoryHttpController,
    FactoryGuaranteeHttpController,
    ExchangeGuaranteeHttpController,
    ApplyForIssuanceHttpController,
    DecideIssuanceHttpController,
    FactoriesHttpController,
    IntegrationFactoriesHttpController,
  ],
  providers: [FactoryOutbox, FactoryCommandHandler, FactoryViews, IssuanceOverdueSweep, { provide: DRAINABLE, useExisting: IssuanceOverdueSweep }],
})
export class FactoryModule {}
