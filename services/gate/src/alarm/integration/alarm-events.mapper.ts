import { create } from '@bufbuild/protobuf';
import {
  AlarmGrade,
  AlarmKind,
  gateAlarmTopic,
  GateAlarmAcknowledgedSchema,
  GateAlarmClosedSchema,
  GateAlarmHandledSchema,
  GateAlarmRaisedSchema,
  toActor,
  toTimestamp,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { publicEvent, type PublicEvent } from '../../common/integration/gate-outbox';
import type { AlarmEvent } from '../domain/alarm.decider';
import type { AlarmGrade as DomainGrade, AlarmKind as DomainKind } from '../domain/alarm-thresholds';

const KINDS: Record<DomainKind, AlarmKind> = {
  gate_refusal: AlarmKind.GATE_REFUSAL,
  speeding: AlarmKind.SPEEDING,
  illegal_parking: AlarmKind.ILLEGAL_PARKING,
  temperature: AlarmKind.TEMPERATURE,
  humidity: AlarmKind.HUMIDITY,
  exit_held: AlarmKind.EXIT_HELD,
};
const GRADES: Record<DomainGrade, AlarmGrade> = { yellow: AlarmGrade.YELLOW, orange: AlarmGrade.ORANGE, red: AlarmGrade.RED };

/** An alarm's step as its gate.alarm.v1 contract, keyed by the alarm id. */
export function alarmMessageOf(pending: PendingEvent): PublicEvent | null {
  const event = pending as unknown as AlarmEvent;
  switch (event.type) {
    case 'AlarmRaised': {
      const d = event.data;
      return publicEvent(
        gateAlarmTopic,
        GateAlarmRaisedSchema,
        create(GateAlarmRaisedSchema, {
          alarmId: d.alarmId,
          kind: KINDS[d.kind],
          grade: GRADES[d.grade],
          source: d.source,
          location: d.location,
          subject: d.subject,
          measured: BigInt(d.measured),
          threshold: BigInt(d.threshold),
          detectedAt: toTimestamp(d.detectedAt),
          alertedAt: toTimestamp(d.alertedAt),
        }),
        d.alarmId,
      );
    }
    case 'AlarmAcknowledged':
      return publicEvent(
        gateAlarmTopic,
        GateAlarmAcknowledgedSchema,
        create(GateAlarmAcknowledgedSchema, {
          alarmId: event.data.alarmId,
          acknowledgedBy: toActor(event.data.actor),
          acknowledgedAt: toTimestamp(event.data.at),
        }),
        event.data.alarmId,
      );
    case 'AlarmHandled':
      return publicEvent(
        gateAlarmTopic,
        GateAlarmHandledSchema,
        create(GateAlarmHandledSchema, {
          alarmId: event.data.alarmId,
          note: event.data.note,
          handledBy: toActor(event.data.actor),
          handledAt: toTimestamp(event.data.at),
        }),
        event.data.alarmId,
      );
    case 'AlarmClosed':
      return publicEvent(
        gateAlarmTopic,
        GateAlarmClosedSchema,
        create(GateAlarmClosedSchema, {
          alarmId: event.data.alarmId,
          note: event.data.note,
          closedBy: toActor(event.data.actor),
          closedAt: toTimestamp(event.data.at),
        }),
        event.data.alarmId,
      );
    default:
      return null;
  }
}
