import { deciderSpec } from '@dw/testing';
import type { Actor } from '../../common/domain/actor';
import { alarmDecider, type AlarmEvent, type Detection } from './alarm.decider';
import { ALARM_THRESHOLDS, gradeOf } from './alarm-thresholds';
import { refusalAlarmOf } from './refusal-alarm';

const guard: Actor = { subject: 'guard-wang', role: 'gate_guard' };
const ops: Actor = { subject: 'ops-zhao', role: 'ops' };
const at = '2026-12-08T01:00:00.000Z';

describe('alarm grades (thresholds as data)', () => {
  it('grades speeding against the yard’s 20 km/h: 20 nothing, 21 yellow, 29 yellow, 30 orange, 39 orange, 40 red', () => {
    const speeding = ALARM_THRESHOLDS.speedingKmh;
    expect(gradeOf(speeding, 20)).toBeNull();
    expect(gradeOf(speeding, 21)).toEqual({ grade: 'yellow', threshold: 21 });
    expect(gradeOf(speeding, 29)).toEqual({ grade: 'yellow', threshold: 21 });
    expect(gradeOf(speeding, 30)).toEqual({ grade: 'orange', threshold: 30 });
    expect(gradeOf(speeding, 39)).toEqual({ grade: 'orange', threshold: 30 });
    expect(gradeOf(speeding, 40)).toEqual({ grade: 'red', threshold: 40 });
  });

  it('grades rubber and pulp stores by their own temperature and humidity thresholds, in tenths', () => {
    // 29.9 °C in a rubber store is 299 tenths, below its yellow 300; 30.0 °C is 300, yellow.
    expect(gradeOf(ALARM_THRESHOLDS.temperatureTenthsC.rubber, 299)).toBeNull();
    expect(gradeOf(ALARM_THRESHOLDS.temperatureTenthsC.rubber, 300)).toEqual({ grade: 'yellow', threshold: 300 });
    // 36.2 °C = 362: rubber orange (from 350), pulp yellow (from 320, orange only from 380).
    expect(gradeOf(ALARM_THRESHOLDS.temperatureTenthsC.rubber, 362)?.grade).toBe('orange');
    expect(gradeOf(ALARM_THRESHOLDS.temperatureTenthsC.pulp, 362)?.grade).toBe('yellow');
    // 86.0 %RH = 860: pulp red (from 850), rubber orange (from 800, red only from 900).
    expect(gradeOf(ALARM_THRESHOLDS.humidityTenthsPct.pulp, 860)).toEqual({ grade: 'red', threshold: 850 });
    expect(gradeOf(ALARM_THRESHOLDS.humidityTenthsPct.rubber, 860)).toEqual({ grade: 'orange', threshold: 800 });
    // Parking: 4 minutes nothing, 5 yellow, 15 orange, 30 red.
    expect([4, 5, 15, 30].map((minutes) => gradeOf(ALARM_THRESHOLDS.illegalParkingMinutes, minutes)?.grade ?? null)).toEqual([null, 'yellow', 'orange', 'red']);
  });

  it('grades a refusal at the gate by its worst reason: a blacklisted plate is red, no appointment yellow', () => {
    const refused = { visitId: 'v9', plate: '沪E66666', gate: 'south', at };
    expect(refusalAlarmOf({ ...refused, reasons: ['no_appointment'] }, ALARM_THRESHOLDS)).toMatchObject({
      alarmId: 'refusal-v9',
      kind: 'gate_refusal',
      grade: 'yellow',
    });
    expect(refusalAlarmOf({ ...refused, reasons: ['no_appointment', 'blacklisted'] }, ALARM_THRESHOLDS).grade).toBe('red');
  });
});

describe('the alarm loop', () => {
  const detection: Detection = {
    alarmId: 'th-rubber-a-r1-temperature',
    kind: 'temperature',
    grade: 'red',
    source: 'th-rubber-a',
    location: 'shed A',
    subject: 'rubber',
    measured: 412,
    threshold: 400,
    detectedAt: '2026-12-08T00:59:00.000Z',
  };
  const raised: AlarmEvent = { type: 'AlarmRaised', data: { ...detection, alertedAt: at } };
  const acknowledged: AlarmEvent = { type: 'AlarmAcknowledged', data: { alarmId: detection.alarmId, actor: guard, at } };
  const handled: AlarmEvent = { type: 'AlarmHandled', data: { alarmId: detection.alarmId, note: 'vents opened, 31.0 °C at 10:40', actor: guard, at } };

  it('runs detect → alert → acknowledge → handle → close in order, with who and when', () => {
    deciderSpec(alarmDecider)
      .given([])
      .when({ type: 'RaiseAlarm', data: { ...detection, at } })
      .then([raised]);
    deciderSpec(alarmDecider)
      .given([raised])
      .when({ type: 'RaiseAlarm', data: { ...detection, at } })
      .then([]);
    deciderSpec(alarmDecider)
      .given([raised])
      .when({ type: 'AcknowledgeAlarm', data: { alarmId: detection.alarmId, actor: guard, at } })
      .then([acknowledged]);
    deciderSpec(alarmDecider)
      .given([raised, acknowledged])
      .when({ type: 'HandleAlarm', data: { alarmId: detection.alarmId, note: 'vents opened, 31.0 °C at 10:40', actor: guard, at } })
      .then([handled]);
    deciderSpec(alarmDecider)
      .given([raised, acknowledged, handled])
      .when({ type: 'CloseAlarm', data: { alarmId: detection.alarmId, note: '', actor: ops, at } })
      .then([{ type: 'AlarmClosed', data: { alarmId: detection.alarmId, note: '', actor: ops, at } }]);
  });

  it('cannot be closed without a handling note, nor handled before it is acknowledged, nor handled with an empty note', () => {
    deciderSpec(alarmDecider)
      .given([raised, acknowledged])
      .when({ type: 'CloseAlarm', data: { alarmId: detection.alarmId, note: 'fine now', actor: ops, at } })
      .thenRefusedWith('ALARM_NOT_HANDLED');
    deciderSpec(alarmDecider)
      .given([raised])
      .when({ type: 'HandleAlarm', data: { alarmId: detection.alarmId, note: 'x', actor: guard, at } })
      .thenRefusedWith('ALARM_STEP_OUT_OF_ORDER');
    deciderSpec(alarmDecider)
      .given([raised, acknowledged])
      .when({ type: 'HandleAlarm', data: { alarmId: detection.alarmId, note: '  ', actor: guard, at } })
      .thenRefusedWith('FIELD_REQUIRED');
    deciderSpec(alarmDecider)
      .given([raised, acknowledged, handled])
      .when({ type: 'CloseAlarm', data: { alarmId: detection.alarmId, note: '', actor: guard, at } })
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    deciderSpec(alarmDecider)
      .given([])
      .when({ type: 'AcknowledgeAlarm', data: { alarmId: 'nope', actor: guard, at } })
      .thenRefusedWith('ALARM_NOT_FOUND');
  });
});
