import { generateEd25519KeyPem, ed25519KeyFromPem, publicKeyPemOf, signEd25519, verifyEd25519 } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import type { Actor } from '../../common/domain/actor';
import { VEHICLE_CLASS_RULES, type VehicleClass } from '../../vehicle/domain/vehicle-classes';
import type { CarriedLoad, ExitFacts } from './exit-release';
import { exitPassCanonicalBytes } from './exit-pass';
import { barrierVerdictOf, visitDecider, type RecordEntry, type VisitCommand, type VisitEvent } from './visit.decider';

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

const scale: Actor = { subject: 'scale-1', role: 'device' };
const exitCamera: Actor = { subject: 'cam-exit-1', role: 'device' };
const later = '2026-12-08T01:30:00.000Z';
const key = ed25519KeyFromPem(generateEd25519KeyPem(), 'EXIT_PASS_SIGNING_KEY');
const sign = (bytes: Uint8Array) => signEd25519(bytes, key);

const run = (events: VisitEvent[], command: VisitCommand): VisitEvent[] => [
  ...events,
  ...visitDecider.decide(command, events.reduce(visitDecider.evolve, visitDecider.initialState())),
];
const stateOf = (events: VisitEvent[]) => events.reduce(visitDecider.evolve, visitDecider.initialState());
const admitted = (vehicleClass: VehicleClass = 'temporary', purpose: 'pickup' | 'delivery' = 'pickup') =>
  visitDecider.decide(entry(vehicleClass, vehicleClass === 'temporary' ? { appointment: { ...onAppointment, purpose } } : {}), visitDecider.initialState());
const reading = (readingId: string, weightKg: number): VisitCommand => ({
  type: 'RecordWeighing',
  data: { visitId: 'v1', readingId, deviceId: 'scale-1', weightKg, readAt: later, actor: scale, at: later },
});
const load: CarriedLoad = { noteId: 'WO-OUT-1-L1', orderId: 'WO-OUT-1', entitlementId: 'ENT-1', lotIds: ['L1'], pieces: 10, netKg: 25_000, toleranceBps: 30 };
const learn = (lotLoad: CarriedLoad = load): VisitCommand => ({
  type: 'LearnLoad',
  data: { visitId: 'v1', lotId: lotLoad.lotIds[0]!, load: lotLoad, at: later },
});
const liveFacts: ExitFacts = {
  appointment: { orderId: 'WO-OUT-1', confirmed: true },
  orderEntitlementId: 'ENT-1',
  entitlement: { lotIds: ['L1'] },
  frozenLotIds: [],
};
const check = (facts: ExitFacts = liveFacts): VisitCommand => ({ type: 'CheckExit', data: { visitId: 'v1', facts, sign, actor: scale, at: later } });
const leave = (): VisitCommand => ({
  type: 'LeaveSite',
  data: { visitId: 'v1', gate: 'south', method: 'plate_camera', reason: '', deviceId: 'cam-exit-1', actor: exitCamera, at: later },
});

describe('the weighbridge', () => {
  it('weighs a pickup tare first and gross second, and the second reading issues the ticket with net = gross − tare', () => {
    const tare = run(admitted(), reading('r1', 15_000));
    expect(tare.at(-1)).toEqual({
      type: 'VehicleWeighed',
      data: { visitId: 'v1', plate: '沪A12345', weighing: 'tare', weightKg: 15_000, deviceId: 'scale-1', readingId: 'r1', readAt: later, at: later },
    });
    const gross = run(tare, reading('r2', 39_960));
    expect(gross.at(-2)).toMatchObject({ type: 'VehicleWeighed', data: { weighing: 'gross', weightKg: 39_960 } });
    // 39,960 − 15,000 = 24,960 kg net.
    expect(gross.at(-1)).toMatchObject({
      type: 'WeighTicketIssued',
      data: { ticketNumber: 'WT-v1', tareKg: 15_000, grossKg: 39_960, netKg: 24_960, tareReadingId: 'r1', grossReadingId: 'r2' },
    });
    expect((gross.at(-1)!.data as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('weighs a delivery the other way round: gross in, tare out', () => {
    const events = run(run(admitted('temporary', 'delivery'), reading('r1', 40_000)), reading('r2', 15_500));
    expect(events.filter((e) => e.type === 'VehicleWeighed').map((e) => (e.data as { weighing: string }).weighing)).toEqual(['gross', 'tare']);
    // 40,000 − 15,500 = 24,500 kg delivered.
    expect(events.at(-1)).toMatchObject({ type: 'WeighTicketIssued', data: { tareKg: 15_500, grossKg: 40_000, netKg: 24_500 } });
  });

  it('refuses a third reading, a class that is not weighed, a gross below the tare and a person; the same reading again adds nothing', () => {
    const both = run(run(admitted(), reading('r1', 15_000)), reading('r2', 39_960));
    deciderSpec(visitDecider).given(both).when(reading('r3', 39_000)).thenRefusedWith('VEHICLE_ALREADY_WEIGHED');
    deciderSpec(visitDecider).given(both).when(reading('r2', 39_960)).then([]);
    deciderSpec(visitDecider).given(admitted('internal')).when(reading('r1', 3_000)).thenRefusedWith('VEHICLE_NOT_WEIGHED');
    deciderSpec(visitDecider)
      .given(run(admitted(), reading('r1', 15_000)))
      .when(reading('r2', 14_999))
      .thenRefusedWith('GROSS_BELOW_TARE');
    const typed = reading('r1', 15_000);
    deciderSpec(visitDecider)
      .given(admitted())
      .when({ ...typed, data: { ...(typed.data as object), actor: guard } } as VisitCommand)
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });
});

describe('the exit release', () => {
  const weighedOut = (grossKg: number) => run(run(run(admitted(), reading('r1', 15_000)), learn()), reading('r2', grossKg));

  it('issues a pass signed over its canonical bytes when every condition holds, and the vehicle leaves on it', () => {
    // Net 39,960 − 15,000 = 24,960 kg against the note’s 25,000 kg at 30 bp: 40 ≤ 75 kg.
    const passed = run(weighedOut(39_960), check());
    const pass = passed.at(-1)!;
    expect(pass).toMatchObject({
      type: 'ExitPassIssued',
      data: {
        passNumber: 'EP-20261208-v1',
        orderId: 'WO-OUT-1',
        entitlementId: 'ENT-1',
        loadOutNoteIds: ['WO-OUT-1-L1'],
        netKg: 24_960,
        ticketNumber: 'WT-v1',
      },
    });
    const { signature, actor: _actor, ...fields } = pass.data as never as { signature: string; actor: Actor } & Parameters<typeof exitPassCanonicalBytes>[0];
    expect(verifyEd25519(exitPassCanonicalBytes(fields), signature, publicKeyPemOf(key))).toBe(true);
    expect(verifyEd25519(exitPassCanonicalBytes({ ...fields, netKg: 25_960 }), signature, publicKeyPemOf(key))).toBe(false);
    expect(run(passed, leave()).at(-1)).toMatchObject({ type: 'VehicleLeft', data: { passNumber: 'EP-20261208-v1', method: 'plate_camera' } });
    // Checked again, a passed vehicle gets no second pass.
    deciderSpec(visitDecider).given(passed).when(check()).then([]);
  });

  it('holds a vehicle whose net is one kg past the tolerance, one alarm per condition, and it stays at the barrier', () => {
    // Net 40,076 − 15,000 = 25,076 kg: 76 > 75 kg.
    const held = run(weighedOut(40_076), check());
    expect(held.at(-1)).toMatchObject({
      type: 'VehicleHeldAtExit',
      data: {
        conditions: ['net_outside_tolerance'],
        alarmIds: ['exit-v1-1-net_outside_tolerance'],
        measuredNetKg: 25_076,
        notesNetKg: 25_000,
        toleranceBps: 30,
      },
    });
    deciderSpec(visitDecider).given(held).when(leave()).then([]);
    expect(barrierVerdictOf(stateOf(held))).toEqual({ leaves: false, conditions: ['net_outside_tolerance'], alarmIds: ['exit-v1-1-net_outside_tolerance'] });
    // Exactly at the limit, 40,075 − 15,000 = 25,075 kg: 75 ≤ 75 → passes.
    expect(run(weighedOut(40_075), check()).at(-1)!.type).toBe('ExitPassIssued');
  });

  it('holds on each condition alone, the facts the gate learnt deciding', () => {
    const conditionsOf = (facts: ExitFacts) => (run(weighedOut(39_960), check(facts)).at(-1)!.data as unknown as { conditions: string[] }).conditions;
    expect(conditionsOf({ ...liveFacts, appointment: { orderId: 'WO-OUT-1', confirmed: false } })).toEqual(['no_appointment']);
    expect(conditionsOf({ ...liveFacts, frozenLotIds: ['L1'] })).toEqual(['entitlement_held']);
    expect(conditionsOf({ ...liveFacts, entitlement: { lotIds: ['L2'] } })).toEqual(['pieces_not_entitled']);
  });

  it('holds a pickup not yet weighed out on not_weighed, and merges a note’s lots learnt one message each, once', () => {
    const partOne = { ...load, netKg: 12_000, pieces: 4, toleranceBps: 50 };
    const partTwo = { ...load, lotIds: ['L2'], netKg: 13_000, pieces: 6, toleranceBps: 30 };
    const learnt = run(run(run(run(admitted(), reading('r1', 15_000)), learn(partOne)), learn(partTwo)), learn(partOne));
    expect(stateOf(learnt).loads).toEqual([{ ...load, lotIds: ['L1', 'L2'], pieces: 10, netKg: 25_000, toleranceBps: 30 }]);
    expect(run(learnt, check({ ...liveFacts, entitlement: { lotIds: ['L1', 'L2'] } })).at(-1)).toMatchObject({
      type: 'VehicleHeldAtExit',
      data: { conditions: ['not_weighed'] },
    });
  });

  it('lets a vehicle that carries nothing leave without a pass: a delivery once weighed, an internal one at once; refuses to check it', () => {
    const delivered = run(run(admitted('temporary', 'delivery'), reading('r1', 40_000)), reading('r2', 15_500));
    expect(run(delivered, leave()).at(-1)).toMatchObject({ type: 'VehicleLeft', data: { passNumber: null, purpose: 'delivery' } });
    expect(barrierVerdictOf(stateOf(run(admitted('temporary', 'delivery'), reading('r1', 40_000))))).toEqual({
      leaves: false,
      conditions: ['not_weighed'],
      alarmIds: [],
    });
    expect(run(admitted('internal'), leave()).at(-1)).toMatchObject({ type: 'VehicleLeft', data: { passNumber: null, vehicleClass: 'internal' } });
    deciderSpec(visitDecider).given(delivered).when(check()).thenRefusedWith('EXIT_CHECK_NOT_NEEDED');
    const gone = run(admitted('internal'), leave());
    deciderSpec(visitDecider).given(gone).when(leave()).then([]);
    deciderSpec(visitDecider).given(gone).when(check()).thenRefusedWith('VISIT_NOT_ON_SITE');
  });
});
