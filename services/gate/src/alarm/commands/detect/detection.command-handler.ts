import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@dw/event-store';
import { type Clock, refuse, requireInstant } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { GateOutbox } from '../../../common/integration/gate-outbox';
import { requirePlate } from '../../../vehicle/domain/plate';
import type { DetectionResponseDto } from '../../alarm.response.dto';
import type { Detection } from '../../domain/alarm.decider';
import { ALARM_THRESHOLDS, gradeOf, type MonitoredCommodity } from '../../domain/alarm-thresholds';
import { raiseAlarmIn } from '../raise-alarm';
import type { EnvironmentReadingRequestDto, TrafficDetectionRequestDto } from './detect.dto';

/** Signed devices' detections graded by the thresholds (data); each graded one is an alarm, raised once per detection. */
@Injectable()
export class DetectionCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GateOutbox) private readonly outbox: GateOutbox,
  ) {}

  async traffic(body: TrafficDetectionRequestDto, caller: Caller): Promise<DetectionResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['device']);
    const plate = requirePlate(body.plate, 'plate');
    const detectedAt = requireInstant(body.detectedAt, 'detectedAt');
    const field = body.kind === 'speeding' ? 'speedKmh' : 'parkedMinutes';
    const measured = body.kind === 'speeding' ? body.speedKmh : body.parkedMinutes;
    if (measured === undefined) throw refuse.invalid('FIELD_REQUIRED', `${field} is required for ${body.kind}`, field);
    const graded = gradeOf(body.kind === 'speeding' ? ALARM_THRESHOLDS.speedingKmh : ALARM_THRESHOLDS.illegalParkingMinutes, measured);
    if (graded === null) return { alarms: [] };
    const detection: Detection = {
      alarmId: `${actor.subject}-${body.detectionId}`,
      kind: body.kind,
      ...graded,
      source: actor.subject,
      location: body.location,
      subject: plate,
      measured,
      detectedAt,
    };
    await this.store.transaction((tx) => raiseAlarmIn(tx, this.outbox, detection, at, metadata));
    return { alarms: [{ alarmId: detection.alarmId, kind: detection.kind, grade: detection.grade }] };
  }

  async environment(body: EnvironmentReadingRequestDto, caller: Caller): Promise<DetectionResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['device']);
    const detectedAt = requireInstant(body.readAt, 'readAt');
    const commodity = body.commodity as MonitoredCommodity;
    const readings = [
      { kind: 'temperature' as const, measured: body.temperatureTenthsC, thresholds: ALARM_THRESHOLDS.temperatureTenthsC[commodity] },
      { kind: 'humidity' as const, measured: body.humidityTenthsPct, thresholds: ALARM_THRESHOLDS.humidityTenthsPct[commodity] },
    ];
    const detections: Detection[] = readings.flatMap(({ kind, measured, thresholds }) => {
      const graded = gradeOf(thresholds, measured);
      return graded === null
        ? []
        : [
            {
              alarmId: `${actor.subject}-${body.readingId}-${kind}`,
              kind,
              ...graded,
              source: actor.subject,
              location: body.location,
              subject: commodity,
              measured,
              detectedAt,
            },
          ];
    });
    if (detections.length > 0) {
      await this.store.transaction(async (tx) => {
        for (const detection of detections) await raiseAlarmIn(tx, this.outbox, detection, at, metadata);
      });
    }
    return { alarms: detections.map((d) => ({ alarmId: d.alarmId, kind: d.kind, grade: d.grade })) };
  }
}
