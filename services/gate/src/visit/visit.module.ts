import { Module } from '@nestjs/common';
import { GateOutbox } from '../common/integration/gate-outbox';
import { EntryCommandHandler } from './commands/enter/entry.command-handler';
import { GuardEntryHttpController, PlateReadHttpController } from './commands/enter/entry.http.controller';
import { TrafficHttpController } from './queries/traffic/traffic.http.controller';
import { VisitsHttpController } from './queries/visits/visits.http.controller';

/** Entry at the gates: plate cameras over the signed device API and guards at the gatehouse; every entry and refusal on gate.visit.v1. */
@Module({
  controllers: [PlateReadHttpController, GuardEntryHttpController, VisitsHttpController, TrafficHttpController],
  providers: [GateOutbox, EntryCommandHandler],
})
export class VisitModule {}
