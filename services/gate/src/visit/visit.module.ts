import { Module } from '@nestjs/common';
import { GateOutbox } from '../common/integration/gate-outbox';
import { EntryCommandHandler } from './commands/enter/entry.command-handler';
import { GuardEntryHttpController, PlateReadHttpController } from './commands/enter/entry.http.controller';
import { ExitCheckCommandHandler } from './commands/exit-check/exit-check.command-handler';
import { ExitCheckHttpController } from './commands/exit-check/exit-check.http.controller';
import { LeaveCommandHandler } from './commands/leave/leave.command-handler';
import { ExitReadHttpController, GuardExitHttpController } from './commands/leave/leave.http.controller';
import { ScaleReadingCommandHandler } from './commands/weigh/scale-reading.command-handler';
import { ScaleReadingHttpController } from './commands/weigh/scale-reading.http.controller';
import { ExitPassSigner } from './exit-pass-signer';
import { TrackOutboundKafkaHandler } from './integration/track-outbound.kafka-handler';
import { ExitPassHttpController } from './queries/exit-pass/exit-pass.http.controller';
import { TrafficHttpController } from './queries/traffic/traffic.http.controller';
import { VisitHttpController } from './queries/visit/visit.http.controller';
import { VisitsHttpController } from './queries/visits/visits.http.controller';
import { WeighTicketHttpController } from './queries/weigh-ticket/weigh-ticket.http.controller';

/**
 * A vehicle's visit: entry by plate camera or guard, the weighbridge (tare, gross, the weigh
 * ticket), the exit release (loads learnt from inventory, entitlements from receipt, the signed
 * exit pass) and leaving at the exit barrier; every step on gate.visit.v1.
 */
@Module({
  controllers: [
    PlateReadHttpController,
    GuardEntryHttpController,
    VisitsHttpController,
    VisitHttpController,
    WeighTicketHttpController,
    TrafficHttpController,
    ScaleReadingHttpController,
    ExitCheckHttpController,
    ExitReadHttpController,
    GuardExitHttpController,
    ExitPassHttpController,
    TrackOutboundKafkaHandler,
  ],
  providers: [GateOutbox, EntryCommandHandler, ScaleReadingCommandHandler, ExitCheckCommandHandler, LeaveCommandHandler, ExitPassSigner],
})
export class VisitModule {}
