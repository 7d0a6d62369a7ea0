import {
  gateAlarmTopic,
  GateAlarmAcknowledgedSchema,
  GateAlarmClosedSchema,
  GateAlarmHandledSchema,
  GateAlarmRaisedSchema,
  gatePersonTopic,
  gateVisitTopic,
  orderWorkOrderTopic,
  PersonAdmittedSchema,
  PersonLeftSchema,
  PersonRefusedSchema,
  StaffFaceLanePassedSchema,
  VehicleAdmittedSchema,
  VehicleRefusedSchema,
  VisitorAppointmentRequestedSchema,
  VisitorApprovedSchema,
  VisitorDeclinedSchema,
  VisitorRegisteredSchema,
  WorkOrderCancelledSchema,
  WorkOrderCompletedSchema,
  WorkOrderOpenedSchema,
} from '@dw/contracts';
import type { ServiceDefinition } from '@dw/platform';
import { alarmsProjection } from './alarm/projections/alarms.projection';
import { appointmentsProjection } from './appointment/projections/appointments.projection';
import { peopleProjection } from './person/projections/people.projection';
import { vehiclesProjection } from './vehicle/projections/vehicles.projection';
import { visitsProjection } from './visit/projections/visits.projection';

/** The gate service as data: its tables, read models, topics and contracts (main.ts, provisioning, rebuild and verify read it). */
export const gateServiceDefinition: ServiceDefinition = {
  name: 'gate',
  migrations: [],
  projections: [vehiclesProjection, appointmentsProjection, visitsProjection, alarmsProjection, peopleProjection],
  producedTopics: [gateVisitTopic, gateAlarmTopic, gatePersonTopic],
  consumedTopics: [orderWorkOrderTopic],
  // appointments consume
  eventSchemas: [
    WorkOrderOpenedSchema,
    WorkOrderCompletedSchema,
    WorkOrderCancelledSchema,
    // entry publishes
    VehicleAdmittedSchema,
    VehicleRefusedSchema,
    // the alarm loop publishes
    GateAlarmRaisedSchema,
    GateAlarmAcknowledgedSchema,
    GateAlarmHandledSchema,
    GateAlarmClosedSchema,
    // visitors and staff face lanes publish
    VisitorAppointmentRequestedSchema,
    VisitorRegisteredSchema,
    VisitorApprovedSchema,
    VisitorDeclinedSchema,
    PersonAdmittedSchema,
    PersonRefusedSchema,
    PersonLeftSchema,
    StaffFaceLanePassedSchema,
  ],
};
