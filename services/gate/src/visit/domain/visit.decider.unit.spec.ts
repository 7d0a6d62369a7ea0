import { deciderSpec } from '@dw/testing';
import type { Actor } from '../../common/domain/actor';
import { VEHICLE_CLASS_RULES, type VehicleClass } from '../../vehicle/domain/vehicle-classes';
import { visitDecider, type RecordEntry } from './visit.decider';

const camera: Actor = { subject: 'cam-south-1', role: 'device' };
const guard: Actor = { subject: 'guard-wang', role: 'gate_guard' };
const at = '2026-12-08T00:30:00.000Z';
const onAppointment = { appointmentId: 'WO-OUT-1-A1', orderId: 'WO-OUT-1', purpose: 'pickup' as const };

const entry = (vehicleClass: VehicleClass, patch: Partial<RecordEntry['data']> = {}): RecordEntry => ({
  type: 'RecordEntry',
  data: {
    visitId: 'v1',
    plate: '沪A12345',
    gate: 'south',
    method: 'plate_camera',
    reason: '',
    deviceId: 'cam-south-1',
    vehicleClass,
    rules: VEHICLE_CLASS_RULES[vehicleClass],
    blacklisted: null,
    appointment: null,
    actor: camera,
    at,
    ...patch,
  },
});
const facts = { visitId: 'v1', plate: '沪A12345', gate: 'south', method: 'plate_camera' as const, deviceId: 'cam-south-1', actor: camera, at };

describe('entry at the gate', () => {
  it('lets a temporary vehicle in on the day’s appointment, to be weighed, and refuses it without one', () => {
    deciderSpec(visitDecider)
      .given([])
      .when(entry('temporary', { appointment: onAppointment }))
      .then([
        {
          type: 'VehicleAdmitted',
          data: {
            ...facts,
            vehicleClass: 'temporary',
            purpose: 'pickup',
            appointmentId: 'WO-OUT-1-A1',
            orderId: 'WO-OUT-1',
            reason: '',
            needsWeighbridge: true,
          },
        },
      ]);
    deciderSpec(visitDecider)
      .given([])
      .when(entry('temporary'))
      .then([{ type: 'VehicleRefused', data: { ...facts, vehicleClass: 'temporary', reasons: ['no_appointment'], note: '' } }]);
    // The class does not let a guard release it without an appointment either.
    deciderSpec(visitDecider)
      .given([])
      .when(entry('temporary', { method: 'guard', reason: 'says he is expected', deviceId: '', actor: guard }))
      .then([
        {
          type: 'VehicleRefused',
          data: { ...facts, method: 'guard', deviceId: '', actor: guard, vehicleClass: 'temporary', reasons: ['no_appointment'], note: 'says he is expected' },
        },
      ]);
  });

  it('lets a special vehicle in only on a guard’s release with a reason, an internal one on a camera read, and never a blacklisted plate', () => {
    deciderSpec(visitDecider)
      .given([])
      .when(entry('special'))
      .then([{ type: 'VehicleRefused', data: { ...facts, vehicleClass: 'special', reasons: ['guard_release_required'], note: '' } }]);
    deciderSpec(visitDecider)
      .given([])
      .when(entry('special', { method: 'guard', reason: 'fire brigade inspection', deviceId: '', actor: guard }))
      .then([
        {
          type: 'VehicleAdmitted',
          data: {
            ...facts,
            method: 'guard',
            deviceId: '',
            actor: guard,
            vehicleClass: 'special',
            purpose: 'special',
            appointmentId: null,
            orderId: null,
            reason: 'fire brigade inspection',
            needsWeighbridge: false,
          },
        },
      ]);
    deciderSpec(visitDecider)
      .given([])
      .when(entry('special', { method: 'guard', reason: ' ', deviceId: '', actor: guard }))
      .thenRefusedWith('FIELD_REQUIRED');
    deciderSpec(visitDecider)
      .given([])
      .when(entry('internal'))
      .then([
        {
          type: 'VehicleAdmitted',
          data: { ...facts, vehicleClass: 'internal', purpose: 'internal', appointmentId: null, orderId: null, reason: '', needsWeighbridge: false },
        },
      ]);
    deciderSpec(visitDecider)
      .given([])
      .when(entry('temporary', { appointment: onAppointment, blacklisted: { reason: 'forged papers', by: 'mgr-qian', at } }))
      .then([{ type: 'VehicleRefused', data: { ...facts, vehicleClass: 'temporary', reasons: ['blacklisted'], note: '' } }]);
    // A guard cannot enter a plate as a camera, nor a camera as a guard.
    deciderSpec(visitDecider)
      .given([])
      .when(entry('internal', { actor: guard }))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });

  it('decides a visit once: the same read again changes nothing', () => {
    const [admitted] = visitDecider.decide(entry('internal'), visitDecider.initialState());
    deciderSpec(visitDecider).given([admitted!]).when(entry('internal')).then([]);
  });
});
