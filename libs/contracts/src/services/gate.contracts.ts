import { GateAlarmAcknowledgedSchema, GateAlarmClosedSchema, GateAlarmHandledSchema, GateAlarmRaisedSchema } from '../gen/dw/gate/v1/alarm_pb';
import {
  ExitPassIssuedSchema,
  VehicleAdmittedSchema,
  VehicleHeldAtExitSchema,
  VehicleLeftSchema,
  VehicleRefusedSchema,
  VehicleWeighedSchema,
  WeighTicketIssuedSchema,
} from '../gen/dw/gate/v1/visit_pb';
import { defineTopic, type TopicSpec } from '../topics';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every vehicle let in or refused at a gate, weighed, held or passed at the exit and gone, key = visit id: kept a year, the gate's record of who came and went. */
export const gateVisitTopic: TopicSpec = defineTopic({
  name: 'gate.visit.v1',
  partitions: 6,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'VehicleAdmitted (class, purpose, appointment, who let it in), VehicleRefused (the reasons), VehicleWeighed (tare or gross from the signed scale), WeighTicketIssued (tare, gross, net, PDF digest), VehicleHeldAtExit (failed exit conditions, alarms), ExitPassIssued (the signed pass), VehicleLeft; key = visit id.',
  ownerService: 'gate',
  eventTypes: [
    VehicleAdmittedSchema.typeName,
    VehicleRefusedSchema.typeName,
    VehicleWeighedSchema.typeName,
    WeighTicketIssuedSchema.typeName,
    VehicleHeldAtExitSchema.typeName,
    ExitPassIssuedSchema.typeName,
    VehicleLeftSchema.typeName,
  ],
});

/** The gate's alarm loop, key = alarm id, so one alarm's steps stay in order. */
export const gateAlarmTopic: TopicSpec = defineTopic({
  name: 'gate.alarm.v1',
  partitions: 6,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'GateAlarmRaised (a refusal, speeding, illegal parking, temperature or humidity, graded yellow/orange/red), GateAlarmAcknowledged, GateAlarmHandled, GateAlarmClosed; key = alarm id.',
  ownerService: 'gate',
  eventTypes: [GateAlarmRaisedSchema.typeName, GateAlarmAcknowledgedSchema.typeName, GateAlarmHandledSchema.typeName, GateAlarmClosedSchema.typeName],
});

export const gateEventSchemas = [
  VehicleAdmittedSchema,
  VehicleRefusedSchema,
  VehicleWeighedSchema,
  WeighTicketIssuedSchema,
  VehicleHeldAtExitSchema,
  ExitPassIssuedSchema,
  VehicleLeftSchema,
  GateAlarmRaisedSchema,
  GateAlarmAcknowledgedSchema,
  GateAlarmHandledSchema,
  GateAlarmClosedSchema,
] as const;
