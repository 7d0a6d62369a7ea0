import { Module } from '@nestjs/common';
import { GateOutbox } from '../common/integration/gate-outbox';
import { FacePassCommandHandler } from './commands/face-pass/face-pass.command-handler';
import { FacePassHttpController } from './commands/face-pass/face-pass.http.controller';
import { PassGateCommandHandler } from './commands/pass-gate/pass-gate.command-handler';
import { PassGateHttpController } from './commands/pass-gate/pass-gate.http.controller';
import { StaffCommandHandler } from './commands/staff/staff.command-handler';
import { StaffHttpController } from './commands/staff/staff.http.controller';
import { VisitorCommandHandler } from './commands/visitor/visitor.command-handler';
import { VisitorHttpController } from './commands/visitor/visitor.http.controller';
import { FacePassesHttpController } from './queries/face-passes/face-passes.http.controller';
import { PersonVisitsHttpController } from './queries/person-visits/person-visits.http.controller';

/** People at the gate: visitors approved by their host, checked in and out by guards; staff through the face lanes; on gate.person.v1. */
@Module({
  controllers: [
    VisitorHttpController,
    PassGateHttpController,
    PersonVisitsHttpController,
    StaffHttpController,
    FacePassHttpController,
    FacePassesHttpController,
  ],
  providers: [GateOutbox, VisitorCommandHandler, PassGateCommandHandler, StaffCommandHandler, FacePassCommandHandler],
})
export class PersonModule {}
