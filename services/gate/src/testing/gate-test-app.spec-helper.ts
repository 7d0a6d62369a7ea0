import type { ManualClock } from '@dw/kernel';
import type { IntegrationClient } from '@dw/platform';
import { ServiceTestApp, startServiceTestApp, type Person } from '@dw/platform/testing';
import { AppModule } from '../app.module';
import { GateServiceConfig } from '../gate-service.config';
import { gateServiceDefinition } from '../gate.service-definition';

export type { Answer, Body, Person } from '@dw/platform/testing';

export const guard: Person = { sub: 'guard-wang', roles: ['gate_guard'] };
export const manager: Person = { sub: 'mgr-qian', roles: ['manager'] };
export const ops: Person = { sub: 'ops-zhao', roles: ['ops'] };
export const depositor = (partyId: string): Person => ({ sub: `dep-${partyId}`, roles: ['depositor'], partyId });

const SECRET = (name: string) => `${name}-secret-0123456789-0123456789-abcdef`;
/** The plate camera at the south gate: a signed integration client with the device role. */
export const CAMERA: IntegrationClient = { id: 'cam-south-1', secret: SECRET('cam-south-1'), role: 'device', name: 'South gate plate camera' };
/** A temperature and humidity sensor in the rubber shed. */
export const SENSOR: IntegrationClient = { id: 'th-rubber-a', secret: SECRET('th-rubber-a'), role: 'device', name: 'Rubber shed A sensor' };
/** Every read model table of the gate, for the rebuild checks. */
export const GATE_READ_MODELS = ['vehicles', 'drivers', 'appointments', 'visits', 'visit_exits', 'alarms', 'person_visits', 'face_passes'] as const;

/** The face-recognition lane at the east staff entrance. */
export const FACE_LANE: IntegrationClient = { id: 'face-east-1', secret: SECRET('face-east-1'), role: 'device', name: 'East staff face lane' };
/** The weighbridge scale: a signed device whose client id is the scale's id. */
export const SCALE: IntegrationClient = { id: 'scale-1', secret: SECRET('scale-1'), role: 'device', name: 'Weighbridge scale 1' };
/** The plate camera at the south gate's exit barrier. */
export const EXIT_CAMERA: IntegrationClient = { id: 'cam-exit-1', secret: SECRET('cam-exit-1'), role: 'device', name: 'South exit plate camera' };
/** A bank: signed, but not a device. */
export const BANK: IntegrationClient = { id: 'bank-icbc', secret: SECRET('icbc'), role: 'bank', name: 'ICBC Shanghai' };

/**
 * The gate service in-process, as main.ts builds it (createServiceApp + AppModule, Kafka inbox
 * connected), on real PostgreSQL (its own provisioned schema) and real Kafka (its own topic
 * prefix), with a clock the test moves; specs drive it over HTTP with dev tokens and signed devices.
 */
export class GateTestApp extends ServiceTestApp {
  static async start(label: string, clock: ManualClock, env: Record<string, string> = {}): Promise<GateTestApp> {
    return new GateTestApp(
      await startServiceTestApp({
        definition: gateServiceDefinition,
        appModule: AppModule,
        label,
        clock,
        consume: true,
        config: GateServiceConfig,
        // The no-show sweep is ticked by the spec, not a timer.
        env: { NO_SHOW_SWEEP_INTERVAL_MS: '0', INTEGRATION_CLIENTS: JSON.stringify([CAMERA, SENSOR, FACE_LANE, SCALE, EXIT_CAMERA, BANK]), ...env },
      }),
    );
  }
}
