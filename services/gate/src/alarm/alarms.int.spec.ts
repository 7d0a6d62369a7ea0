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
import { signRequest } from '@dw/platform';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { CAMERA, GATE_READ_MODELS, GateTestApp, guard, manager, ops, SENSOR } from '../testing/gate-test-app.spec-helper';

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

  it('an environment alarm’s full loop: a rubber store past red raises a red alarm, closing it unhandled is refused, and the list shows every step with who and when', async () => {
    // 40.5 °C = 405 tenths ≥ rubber red 400; 50.0 %RH = 500 < rubber yellow 700: one alarm, red, threshold 400.
    clock.set(new Date('2026-12-08T02:00:00Z'));
    const reading = {
      readingId: 'r-91',
      location: 'shed B',
      commodity: 'rubber',
      temperatureTenthsC: 405,
      humidityTenthsPct: 500,
      readAt: '2026-12-08T01:59:30Z',
    };
    const hot = await app.signed(SENSOR, 'POST', '/integration/gate/environment-readings', reading);
    expect(hot.body).toEqual({ alarms: [{ alarmId: 'th-rubber-a-r-91-temperature', kind: 'temperature', grade: 'red' }] });
    const id = 'th-rubber-a-r-91-temperature';
    clock.set(new Date('2026-12-08T02:05:00Z'));
    expect((await app.as(guard, 'POST', `/alarms/${id}/acknowledge`)).body.status).toBe('acknowledged');
    clock.set(new Date('2026-12-08T02:06:00Z'));
    const unhandled = await app.as(manager, 'POST', `/alarms/${id}/close`, { note: 'probably a sensor glitch' });
    expect([unhandled.status, unhandled.body.code, unhandled.body.details.status]).toEqual([409, 'ALARM_NOT_HANDLED', 'acknowledged']);
    clock.set(new Date('2026-12-08T02:20:00Z'));
    expect((await app.as(ops, 'POST', `/alarms/${id}/handle`, { note: 'tarpaulin lifted, fans on; 33.5 °C at 10:20' })).body.status).toBe('handled');
    clock.set(new Date('2026-12-08T02:40:00Z'));
    expect((await app.as(manager, 'POST', `/alarms/${id}/close`, { note: 'back under 30 °C' })).body.status).toBe('closed');

    const listed = await app.as(ops, 'GET', '/alarms?kind=temperature&grade=red&state=closed');
    expect(listed.body.items.find((a: { alarmId: string }) => a.alarmId === id)).toEqual({
      alarmId: id,
      kind: 'temperature',
      grade: 'red',
      status: 'closed',
      source: SENSOR.id,
      location: 'shed B',
      subject: 'rubber',
      measured: 405,
      threshold: 400,
      detectedAt: '2026-12-08T01:59:30.000Z',
      alertedAt: '2026-12-08T02:00:00.000Z',
      acknowledgedBy: guard.sub,
      acknowledgedAt: '2026-12-08T02:05:00.000Z',
      handledBy: ops.sub,
      handledAt: '2026-12-08T02:20:00.000Z',
      handlingNote: 'tarpaulin lifted, fans on; 33.5 °C at 10:20',
      closedBy: manager.sub,
      closedAt: '2026-12-08T02:40:00.000Z',
      closingNote: 'back under 30 °C',
    });
    // The refused close left nothing: one close on the topic for this alarm, by the manager at 02:40.
    const closes = (await published(GateAlarmClosedSchema.typeName, 2)).filter((m) => m.key === id);
    expect(closes.map((m) => fromBinary(GateAlarmClosedSchema, m.value).closedBy?.subject)).toEqual([manager.sub]);
  });

  it('rebuilds every read model from the log, equal row for row to the live ones', async () => {
    const { live, rebuilt } = await app.liveAndRebuilt(GATE_READ_MODELS);
    expect(live.alarms).toHaveLength(5);
    expect(live.visits).toHaveLength(1);
    expect(rebuilt).toEqual(live);
  });
});
