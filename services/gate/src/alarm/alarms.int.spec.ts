import { fromBinary } from '@bufbuild/protobuf';
import {
  AlarmGrade,
  AlarmKind,
  gateAlarmTopic,
  GateAlarmAcknowledgedSchema,
  GateAlarmClosedSchema,
  GateAlarmHandledSchema,
  GateAlarmRaisedSchema,
  topicName,
} from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { rebuildService, signRequest } from '@dw/platform';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { gateServiceDefinition } from '../gate.service-definition';
import { CAMERA, GateTestApp, guard, manager, ops, SENSOR } from '../testing/gate-test-app.spec-helper';

/**
 * The alarm loop over HTTP and the signed device API on the real PostgreSQL and Kafka, read
 * back from the real gate.alarm.v1. Tuesday 2026-12-08, 09:00 in Shanghai.
 */
describe('the alarm loop', () => {
  const clock = new ManualClock('2026-12-08T01:00:00Z');
  let app: GateTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    app = await GateTestApp.start('alarms', clock);
    recorder = await new TopicRecorder(testMessageBus(), [topicName(gateAlarmTopic, app.prefix)]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
  });

  const published = (typeName: string, count: number) =>
    waitFor(
      () => {
        const found = recorder.messages.filter((message) => message.headers.ce_type === typeName);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs: 60_000, describe: `${count} ${typeName} on gate.alarm.v1` },
    );

  it('grades a rubber store’s reading red for heat and orange for damp, a speeding truck orange, raises nothing below yellow, and publishes each once', async () => {
    // 41.2 °C = 412 tenths ≥ rubber red 400; 85.0 %RH = 850 ≥ rubber orange 800, < red 900.
    const reading = {
      readingId: 'r-77',
      location: 'shed A',
      commodity: 'rubber',
      temperatureTenthsC: 412,
      humidityTenthsPct: 850,
      readAt: '2026-12-08T00:59:00Z',
    };
    const hot = await app.signed(SENSOR, 'POST', '/integration/gate/environment-readings', reading);
    expect([hot.status, hot.body]).toEqual([
      200,
      {
        alarms: [
          { alarmId: 'th-rubber-a-r-77-temperature', kind: 'temperature', grade: 'red' },
          { alarmId: 'th-rubber-a-r-77-humidity', kind: 'humidity', grade: 'orange' },
        ],
      },
    ]);
    const again = await app.signed(SENSOR, 'POST', '/integration/gate/environment-readings', reading);
    expect(again.body.alarms).toHaveLength(2);
    // 25.0 °C and 60.0 %RH in a pulp store: below every yellow threshold.
    const calm = await app.signed(SENSOR, 'POST', '/integration/gate/environment-readings', {
      ...reading,
      readingId: 'r-78',
      commodity: 'pulp',
      temperatureTenthsC: 250,
      humidityTenthsPct: 600,
    });
    expect(calm.body).toEqual({ alarms: [] });
    // 34 km/h: ≥ orange 30, < red 40.
    const speeding = await app.signed(CAMERA, 'POST', '/integration/gate/traffic-detections', {
      detectionId: 'd-1',
      kind: 'speeding',
      location: 'main road',
      plate: '沪A12345',
      speedKmh: 34,
      detectedAt: '2026-12-08T00:58:00Z',
    });
    expect(speeding.body.alarms).toEqual([{ alarmId: 'cam-south-1-d-1', kind: 'speeding', grade: 'orange' }]);
    const noSpeed = await app.signed(CAMERA, 'POST', '/integration/gate/traffic-detections', {
      detectionId: 'd-2',
      kind: 'speeding',
      location: 'main road',
      plate: '沪A12345',
      detectedAt: '2026-12-08T00:58:00Z',
    });
    expect([noSpeed.status, noSpeed.body.code, noSpeed.body.field]).toEqual([422, 'FIELD_REQUIRED', 'speedKmh']);
    const fractional = await app.signed(SENSOR, 'POST', '/integration/gate/environment-readings', { ...reading, readingId: 'r-79', temperatureTenthsC: 41.2 });
    expect(fractional.status).toBe(400);
    const badTime = await app.signed(SENSOR, 'POST', '/integration/gate/environment-readings', { ...reading, readingId: 'r-80', readAt: 'yesterday' });
    expect([badTime.status, badTime.body.code]).toEqual([422, 'INVALID_INSTANT']);

    const raised = await published(GateAlarmRaisedSchema.typeName, 3);
    const messages = raised.map((message) => ({ key: message.key, ...fromBinary(GateAlarmRaisedSchema, message.value) }));
    expect(messages.map((m) => [m.key, m.kind, m.grade, m.measured, m.threshold]).sort()).toEqual(
      [
        ['cam-south-1-d-1', AlarmKind.SPEEDING, AlarmGrade.ORANGE, 34n, 30n],
        ['th-rubber-a-r-77-humidity', AlarmKind.HUMIDITY, AlarmGrade.ORANGE, 850n, 800n],
        ['th-rubber-a-r-77-temperature', AlarmKind.TEMPERATURE, AlarmGrade.RED, 412n, 400n],
      ].sort(),
    );
  });

  it('a refusal at the gate is an alarm; ops see the open red ones and take them through acknowledge → handle → close, never closing one unhandled', async () => {
    expect((await app.as(manager, 'POST', '/blacklist/plates', { plate: '沪E66666', reason: 'forged pickup papers' })).status).toBe(201);
    const refused = await app.as(guard, 'POST', '/entries', { gate: 'south', plate: '沪E66666', reason: 'driver insists' });
    expect([refused.body.outcome, refused.body.reasons]).toEqual(['refused', ['blacklisted', 'no_appointment']]);
    const refusalAlarm = `refusal-${refused.body.visitId}`;

    const openRed = await app.as(ops, 'GET', '/alarms?state=open&grade=red');
    expect(openRed.body.items.map((a: { alarmId: string; kind: string }) => [a.alarmId, a.kind])).toEqual([
      ['th-rubber-a-r-77-temperature', 'temperature'],
      [refusalAlarm, 'gate_refusal'],
    ]);

    const id = 'th-rubber-a-r-77-temperature';
    const early = await app.as(ops, 'POST', `/alarms/${id}/close`, { note: 'cooler now' });
    expect([early.status, early.body.code]).toEqual([409, 'ALARM_NOT_HANDLED']);
    const handleFirst = await app.as(guard, 'POST', `/alarms/${id}/handle`, { note: 'vents opened' });
    expect([handleFirst.status, handleFirst.body.code]).toEqual([409, 'ALARM_STEP_OUT_OF_ORDER']);
    expect((await app.as(guard, 'POST', `/alarms/${id}/acknowledge`)).body).toEqual({ alarmId: id, status: 'acknowledged' });
    const noNote = await app.as(guard, 'POST', `/alarms/${id}/handle`, { note: '' });
    expect([noNote.status, noNote.body.code, noNote.body.field]).toEqual([422, 'FIELD_REQUIRED', 'note']);
    expect((await app.as(guard, 'POST', `/alarms/${id}/handle`, { note: 'vents opened, 31.0 °C at 09:40' })).body.status).toBe('handled');
    expect((await app.as(guard, 'POST', `/alarms/${id}/close`, {})).status).toBe(403);
    expect((await app.as(ops, 'POST', `/alarms/${id}/close`, { note: 'back in range' })).body).toEqual({ alarmId: id, status: 'closed' });
    const missing = await app.as(ops, 'POST', '/alarms/nope/acknowledge');
    expect([missing.status, missing.body.code]).toEqual([404, 'ALARM_NOT_FOUND']);

    const stillOpen = await app.as(ops, 'GET', '/alarms?state=open&grade=red');
    expect(stillOpen.body.items.map((a: { alarmId: string }) => a.alarmId)).toEqual([refusalAlarm]);
    const closed = await app.as(ops, 'GET', '/alarms?state=closed');
    expect(closed.body.items).toEqual([
      expect.objectContaining({
        alarmId: id,
        acknowledgedBy: guard.sub,
        handledBy: guard.sub,
        handlingNote: 'vents opened, 31.0 °C at 09:40',
        closedBy: ops.sub,
      }),
    ]);
    const [ack] = await published(GateAlarmAcknowledgedSchema.typeName, 1);
    expect(fromBinary(GateAlarmAcknowledgedSchema, ack!.value).acknowledgedBy?.subject).toBe(guard.sub);
    const [handledMessage] = await published(GateAlarmHandledSchema.typeName, 1);
    expect(fromBinary(GateAlarmHandledSchema, handledMessage!.value).note).toBe('vents opened, 31.0 °C at 09:40');
    const [closedMessage] = await published(GateAlarmClosedSchema.typeName, 1);
    expect(closedMessage!.key).toBe(id);
    const refusal = (await published(GateAlarmRaisedSchema.typeName, 4)).find((m) => m.key === refusalAlarm)!;
    expect(fromBinary(GateAlarmRaisedSchema, refusal.value)).toMatchObject({ kind: AlarmKind.GATE_REFUSAL, grade: AlarmGrade.RED, subject: '沪E66666' });
  });

  it('refuses a stale device signature before reading it', async () => {
    const path = '/integration/gate/environment-readings';
    const body = {
      readingId: 'r-90',
      location: 'shed A',
      commodity: 'rubber',
      temperatureTenthsC: 500,
      humidityTenthsPct: 500,
      readAt: '2026-12-08T00:59:00Z',
    };
    const stale = await app.signed(SENSOR, 'POST', path, body, {
      headers: signRequest({
        clientId: SENSOR.id,
        secret: SENSOR.secret,
        method: 'POST',
        path,
        body: JSON.stringify(body),
        clock: new ManualClock('2026-12-08T00:50:00Z'),
      }),
    });
    expect([stale.status, stale.body.code]).toEqual([401, 'REQUEST_STALE']);
    expect((await app.as(ops, 'GET', '/alarms?kind=temperature')).body.items.map((a: { alarmId: string }) => a.alarmId)).not.toContain(
      'th-rubber-a-r-90-temperature',
    );
  });

  it('rebuilds every read model from the log, equal row for row to the live ones', async () => {
    await app.readModelsCaughtUp();
    const tables = ['vehicles', 'drivers', 'appointments', 'visits', 'visit_exits', 'alarms'];
    const snapshot = async () =>
      Object.fromEntries(await Promise.all(tables.map(async (table) => [table, (await app.db.query(`SELECT * FROM ${table} ORDER BY 1`)).rows] as const)));
    const live = await snapshot();
    expect(live.alarms).toHaveLength(4);
    expect(live.visits).toHaveLength(1);
    await rebuildService(gateServiceDefinition, app.commandEnv(), [], () => undefined);
    expect(await snapshot()).toEqual(live);
  });
});
