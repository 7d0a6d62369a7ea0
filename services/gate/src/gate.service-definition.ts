import {
  gateAlarmTopic,
  GateAlarmAcknowledgedSchema,
  GateAlarmClosedSchema,
  GateAlarmHandledSchema,
  GateAlarmRaisedSchema,
  gateVisitTopic,
  ExitPassIssuedSchema,
  inventoryLotTopic,
  orderWorkOrderTopic,
  OutboundEntitlementExhaustedSchema,
  OutboundEntitlementGrantedSchema,
  PiecesShippedOutSchema,
  receiptEntitlementTopic,
  StockHoldPlacedSchema,
  StockHoldReleasedSchema,
  VehicleAdmittedSchema,
  VehicleHeldAtExitSchema,
  VehicleLeftSchema,
  VehicleRefusedSchema,
  VehicleWeighedSchema,
  WeighTicketIssuedSchema,
  WorkOrderCancelledSchema,
  WorkOrderCompletedSchema,
  WorkOrderOpenedSchema,
} from '@dw/contracts';
import type { ServiceDefinition } from '@dw/platform';
import { alarmsProjection } from './alarm/projections/alarms.projection';
import { appointmentsProjection } from './appointment/projections/appointments.projection';
import { vehiclesProjection } from './vehicle/projections/vehicles.projection';
import { visitsProjection } from './visit/projections/visits.projection';

/** The gate service as data: its tables, read models, topics and contracts (main.ts, provisioning, rebuild and verify read it). */
export const gateServiceDefinition: ServiceDefinition = {
  name: 'gate',
  migrations: [],
  projections: [vehiclesProjection, appointmentsProjection, visitsProjection, alarmsProjection],
  producedTopics: [gateVisitTopic, gateAlarmTopic],
  consumedTopics: [orderWorkOrderTopic, inventoryLotTopic, receiptEntitlementTopic],
  // appointments consume
  eventSchemas: [
    WorkOrderOpenedSchema,
    WorkOrderCompletedSchema,
    WorkOrderCancelledSchema,
    // the exit release consumes
    PiecesShippedOutSchema,
    StockHoldPlacedSchema,
    StockHoldReleasedSchema,
    OutboundEntitlementGrantedSchema,
    OutboundEntitlementExhaustedSchema,
    // entry, the weighbridge and the exit publish
    VehicleAdmittedSchema,
    VehicleRefusedSchema,
    VehicleWeighedSchema,
    WeighTicketIssuedSchema,
    VehicleHeldAtExitSchema,
    ExitPassIssuedSchema,
    VehicleLeftSchema,
    // the alarm loop publishes
    GateAlarmRaisedSchema,
    GateAlarmAcknowledgedSchema,
    GateAlarmHandledSchema,
    GateAlarmClosedSchema,
  ],
};
