import {
  gateVisitTopic,
  orderWorkOrderTopic,
  VehicleAdmittedSchema,
  VehicleRefusedSchema,
  WorkOrderCancelledSchema,
  WorkOrderCompletedSchema,
  WorkOrderOpenedSchema,
} from '@dw/contracts';
import type { ServiceDefinition } from '@dw/platform';
import { appointmentsProjection } from './appointment/projections/appointments.projection';
import { vehiclesProjection } from './vehicle/projections/vehicles.projection';
import { visitsProjection } from './visit/projections/visits.projection';

/** The gate service as data: its tables, read models, topics and contracts (main.ts, provisioning, rebuild and verify read it). */
export const gateServiceDefinition: ServiceDefinition = {
  name: 'gate',
  migrations: [],
  projections: [vehiclesProjection, appointmentsProjection, visitsProjection],
  producedTopics: [gateVisitTopic],
  consumedTopics: [orderWorkOrderTopic],
  // appointments consume
  eventSchemas: [
    WorkOrderOpenedSchema,
    WorkOrderCompletedSchema,
    WorkOrderCancelledSchema,
    // entry publishes
    VehicleAdmittedSchema,
    VehicleRefusedSchema,
  ],
};
