import { Module } from '@nestjs/common';
import { GateOutbox } from '../common/integration/gate-outbox';
import { DetectionCommandHandler } from './commands/detect/detection.command-handler';
import { DetectionHttpController } from './commands/detect/detection.http.controller';
import { AlarmStepsHttpController } from './commands/lifecycle/alarm-steps.http.controller';
import { AlarmsHttpController } from './queries/alarms/alarms.http.controller';

/** The alarm loop: devices' detections and gate refusals graded by thresholds, acknowledged, handled and closed, on gate.alarm.v1. */
@Module({
  controllers: [DetectionHttpController, AlarmStepsHttpController, AlarmsHttpController],
  providers: [GateOutbox, DetectionCommandHandler],
})
export class AlarmModule {}
