import { GateAlarmAcknowledgedSchema, GateAlarmClosedSchema, GateAlarmHandledSchema, GateAlarmRaisedSchema } from '../gen/dw/gate/v1/alarm_pb';
import {
  PersonAdmittedSchema,
  PersonLeftSchema,
  PersonRefusedSchema,
  StaffFaceLanePassedSchema,
  VisitorAppointmentRequestedSchema,
  VisitorApprovedSchema,
  VisitorDeclinedSchema,
  VisitorRegisteredSchema,
} from '../gen/dw/gate/v1/person_pb';
import {
  ExitPassIssuedSchema,
  VehicleAdmittedSchema,
  VehicleHeldAtExitSchema,
  VehicleLeftSchema,
  VehicleRefusedSchema,
  VehicleWeighedSchema,
  WeighTicketIssuedSchema,
} from '../gen/dw/gate/v1/visit_pb';
import { DAY_MS, defineTopic, type TopicSpec } from '../topics';

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

/** People at the gate, key = the person visit id or the staff pass id: visitors from request to leaving, staff through the face lanes. */
export const gatePersonTopic: TopicSpec = defineTopic({
  name: 'gate.person.v1',
  partitions: 6,
  retentionMs: 365 * DAY_MS,
  cleanupPolicy: 'delete',
  description:
    'VisitorAppointmentRequested, VisitorRegistered, VisitorApproved, VisitorDeclined (the host), PersonAdmitted, PersonRefused (the reasons), PersonLeft; StaffFaceLanePassed (in or out, admitted or refused); key = person visit id or staff pass id.',
  ownerService: 'gate',
  eventTypes: [
    VisitorAppointmentRequestedSchema.typeName,
    VisitorRegisteredSchema.typeName,
    VisitorApprovedSchema.typeName,
    VisitorDeclinedSchema.typeName,
    PersonAdmittedSchema.typeName,
    PersonRefusedSchema.typeName,
    PersonLeftSchema.typeName,
    StaffFaceLanePassedSchema.typeName,
  ],
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
  VisitorAppointmentRequestedSchema,
  VisitorRegisteredSchema,
  VisitorApprovedSchema,
  VisitorDeclinedSchema,
  PersonAdmittedSchema,
  PersonRefusedSchema,
  PersonLeftSchema,
  StaffFaceLanePassedSchema,
] as const;
