import { deciderSpec } from '@dw/testing';
import type { Actor } from '../../common/domain/actor';
import { ALARM_THRESHOLDS } from '../../alarm/domain/alarm-thresholds';
import { personRefusalAlarmOf } from '../../alarm/domain/refusal-alarm';
import { type FacePassRefusalReason, facePassDecider, type RecordFacePass, type StaffFacePassed } from './face-pass.decider';
import {
  type PersonRefusalReason,
  type PersonRefused,
  personVisitDecider,
  type RecordPersonEntry,
  type VisitorAppointmentRequested,
} from './person-visit.decider';
import { staffDecider } from './staff.decider';

const depositor: Actor = { subject: 'dep-P-HENGDA', role: 'depositor', partyId: 'P-HENGDA' };
const host: Actor = { subject: 'ops-zhao', role: 'ops' };
const otherStaff: Actor = { subject: 'ops-sun', role: 'ops' };
const manager: Actor = { subject: 'mgr-qian', role: 'manager' };
const guard: Actor = { subject: 'guard-wang', role: 'gate_guard' };
const lane: Actor = { subject: 'face-east-1', role: 'device' };
// Monday 2026-12-07 10:00 in Shanghai (02:00 UTC); the visit is for Tuesday 2026-12-08.
const monday = '2026-12-07T02:00:00.000Z';
// Tuesday 2026-12-08 09:00 in Shanghai is 01:00 UTC; 23:59 on Monday in Shanghai is 15:59 UTC on Monday.
const tuesday = '2026-12-08T01:00:00.000Z';
const lateMonday = '2026-12-07T15:59:00.000Z';
const visitor = { name: '李四', residentIdNumber: '11010519491231002X', mobile: '13800138000' };
const otherId = '440524188001010014';

const requested: VisitorAppointmentRequested = {
  type: 'VisitorAppointmentRequested',
  data: {
    personVisitId: 'pv-1',
    visitor,
    host: 'ops-zhao',
    date: '2026-12-08',
    purpose: 'audit',
    plate: null,
    partyId: 'P-HENGDA',
    actor: depositor,
    at: monday,
  },
};
const approved = { type: 'VisitorApproved' as const, data: { personVisitId: 'pv-1', host: 'ops-zhao', actor: host, at: monday } };
const declined = { type: 'VisitorDeclined' as const, data: { personVisitId: 'pv-1', host: 'ops-zhao', reason: 'no audit booked', actor: host, at: monday } };
const entry = (patch: Partial<RecordPersonEntry['data']> = {}): RecordPersonEntry => ({
  type: 'RecordPersonEntry',
  data: {
    personVisitId: 'pv-1',
    entryId: 'e-1',
    gate: 'south',
    residentIdNumber: visitor.residentIdNumber,
    blacklisted: null,
    actor: guard,
    at: tuesday,
    ...patch,
  },
});
const refused = (reasons: PersonRefusalReason[], patch: Partial<PersonRefused['data']> = {}): PersonRefused => ({
  type: 'PersonRefused',
  data: { personVisitId: 'pv-1', entryId: 'e-1', gate: 'south', residentIdNumber: visitor.residentIdNumber, reasons, actor: guard, at: tuesday, ...patch },
});

describe('visitors', () => {
  it('a depositor asks online for its own staff’s visit, for today or later, awaiting the host; a day already past is VISIT_DATE_PAST', () => {
    deciderSpec(personVisitDecider)
      .given([])
      .when({
        type: 'RequestVisitorAppointment',
        data: {
          personVisitId: 'pv-1',
          visitor: { ...visitor, residentIdNumber: '11010519491231002x' },
          host: 'ops-zhao',
          date: '2026-12-08',
          purpose: 'audit',
          plate: null,
          actor: depositor,
          at: monday,
        },
      })
      .then([requested]);
    // At 23:59 on Monday in Shanghai, Monday is still today; Sunday is past.
    deciderSpec(personVisitDecider)
      .given([])
      .when({
        type: 'RequestVisitorAppointment',
        data: { personVisitId: 'pv-1', visitor, host: 'ops-zhao', date: '2026-12-06', purpose: 'audit', plate: null, actor: depositor, at: lateMonday },
      })
      .thenRefusedWith('VISIT_DATE_PAST');
    deciderSpec(personVisitDecider)
      .given([])
      .when({
        type: 'RequestVisitorAppointment',
        data: {
          personVisitId: 'pv-1',
          visitor: { ...visitor, mobile: '12345' },
          host: 'ops-zhao',
          date: '2026-12-08',
          purpose: 'audit',
          plate: null,
          actor: depositor,
          at: monday,
        },
      })
      .thenRefusedWith('MOBILE_NUMBER_INVALID');
    deciderSpec(personVisitDecider)
      .given([])
      .when({ type: 'RegisterVisitor', data: { personVisitId: 'pv-2', visitor, host: 'ops-zhao', purpose: 'delivery of documents', actor: host, at: tuesday } })
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    // A walk-in registered at 09:00 Tuesday in Shanghai is for Tuesday.
    deciderSpec(personVisitDecider)
      .given([])
      .when({ type: 'RegisterVisitor', data: { personVisitId: 'pv-2', visitor, host: 'ops-zhao', purpose: 'documents', actor: guard, at: tuesday } })
      .then([
        {
          type: 'VisitorRegistered',
          data: { personVisitId: 'pv-2', visitor, host: 'ops-zhao', date: '2026-12-08', purpose: 'documents', actor: guard, at: tuesday },
        },
      ]);
  });

  it('only the host or a manager approves or declines (NOT_THE_HOST); the same decision again changes nothing, the other is VISITOR_ALREADY_DECIDED', () => {
    deciderSpec(personVisitDecider)
      .given([requested])
      .when({ type: 'ApproveVisitor', data: { personVisitId: 'pv-1', actor: host, at: monday } })
      .then([approved]);
    deciderSpec(personVisitDecider)
      .given([requested])
      .when({ type: 'ApproveVisitor', data: { personVisitId: 'pv-1', actor: otherStaff, at: monday } })
      .thenRefusedWith('NOT_THE_HOST');
    deciderSpec(personVisitDecider)
      .given([requested])
      .when({ type: 'ApproveVisitor', data: { personVisitId: 'pv-1', actor: depositor, at: monday } })
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    deciderSpec(personVisitDecider)
      .given([requested])
      .when({ type: 'DeclineVisitor', data: { personVisitId: 'pv-1', reason: 'no audit booked', actor: manager, at: monday } })
      .then([{ type: 'VisitorDeclined', data: { ...declined.data, actor: manager } }]);
    deciderSpec(personVisitDecider)
      .given([requested, approved])
      .when({ type: 'ApproveVisitor', data: { personVisitId: 'pv-1', actor: host, at: monday } })
      .then([]);
    deciderSpec(personVisitDecider)
      .given([requested, approved])
      .when({ type: 'DeclineVisitor', data: { personVisitId: 'pv-1', reason: 'changed my mind', actor: host, at: monday } })
      .thenRefusedWith('VISITOR_ALREADY_DECIDED');
    deciderSpec(personVisitDecider)
      .given([requested])
      .when({ type: 'DeclineVisitor', data: { personVisitId: 'pv-1', reason: ' ', actor: host, at: monday } })
      .thenRefusedWith('FIELD_REQUIRED');
    deciderSpec(personVisitDecider)
      .given([])
      .when({ type: 'ApproveVisitor', data: { personVisitId: 'pv-9', actor: host, at: monday } })
      .thenRefusedWith('PERSON_VISIT_NOT_FOUND');
  });

  it('lets a visitor in on an approved visit for today with the card’s ID number, and records the leaving once', () => {
    const admitted = {
      type: 'PersonAdmitted' as const,
      data: { personVisitId: 'pv-1', entryId: 'e-1', gate: 'south', residentIdNumber: visitor.residentIdNumber, name: '李四', actor: guard, at: tuesday },
    };
    deciderSpec(personVisitDecider).given([requested, approved]).when(entry()).then([admitted]);
    deciderSpec(personVisitDecider)
      .given([requested, approved, admitted])
      .when(entry({ entryId: 'e-2' }))
      .thenRefusedWith('PERSON_ALREADY_ENTERED');
    deciderSpec(personVisitDecider)
      .given([requested, approved, admitted])
      .when({ type: 'RecordPersonExit', data: { personVisitId: 'pv-1', gate: 'south', actor: guard, at: tuesday } })
      .then([{ type: 'PersonLeft', data: { personVisitId: 'pv-1', gate: 'south', actor: guard, at: tuesday } }]);
    deciderSpec(personVisitDecider)
      .given([requested, approved])
      .when({ type: 'RecordPersonExit', data: { personVisitId: 'pv-1', gate: 'south', actor: guard, at: tuesday } })
      .thenRefusedWith('PERSON_NOT_ON_SITE');
  });

  it('refuses a visitor not approved, declined, on another day, with another ID card or blacklisted, naming every reason that holds', () => {
    deciderSpec(personVisitDecider)
      .given([requested])
      .when(entry())
      .then([refused(['not_approved'])]);
    deciderSpec(personVisitDecider)
      .given([requested, declined])
      .when(entry())
      .then([refused(['declined'])]);
    // Monday 23:59 in Shanghai is not Tuesday, though it is 15:59 UTC.
    deciderSpec(personVisitDecider)
      .given([requested, approved])
      .when(entry({ at: lateMonday }))
      .then([refused(['wrong_day'], { at: lateMonday })]);
    deciderSpec(personVisitDecider)
      .given([requested, approved])
      .when(entry({ residentIdNumber: otherId, blacklisted: { reason: 'violence', by: 'mgr-qian', at: monday } }))
      .then([refused(['id_mismatch', 'blacklisted'], { residentIdNumber: otherId })]);
  });
});

describe('staff face lanes', () => {
  const pass = (staff: RecordFacePass['data']['staff']): RecordFacePass => ({
    type: 'RecordFacePass',
    data: {
      passId: 'face-east-1-p1',
      staffId: 'S-0042',
      lane: 'east-1',
      deviceId: 'face-east-1',
      direction: 'in',
      passedAt: tuesday,
      staff,
      actor: lane,
      at: tuesday,
    },
  });
  const passed = (admitted: boolean, reasons: FacePassRefusalReason[]): StaffFacePassed => ({
    type: 'StaffFacePassed',
    data: {
      passId: 'face-east-1-p1',
      staffId: 'S-0042',
      lane: 'east-1',
      deviceId: 'face-east-1',
      direction: 'in',
      admitted,
      reasons,
      passedAt: tuesday,
      actor: lane,
      at: tuesday,
    },
  });

  it('lets an active staff member through, refuses an unknown or deactivated one, and records each pass once', () => {
    deciderSpec(facePassDecider)
      .given([])
      .when(pass({ status: 'active', name: '王五' }))
      .then([passed(true, [])]);
    deciderSpec(facePassDecider)
      .given([])
      .when(pass({ status: null, name: null }))
      .then([passed(false, ['staff_unknown'])]);
    deciderSpec(facePassDecider)
      .given([])
      .when(pass({ status: 'deactivated', name: '王五' }))
      .then([passed(false, ['staff_deactivated'])]);
    deciderSpec(facePassDecider)
      .given([passed(true, [])])
      .when(pass({ status: 'deactivated', name: '王五' }))
      .then([]);
    deciderSpec(facePassDecider)
      .given([])
      .when({ ...pass({ status: 'active', name: '王五' }), data: { ...pass({ status: 'active', name: '王五' }).data, actor: guard } })
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });

  it('a manager enrols a staff member once and deactivates them once, with a reason', () => {
    const registered = { type: 'StaffRegistered' as const, data: { staffId: 'S-0042', name: '王五', residentIdNumber: otherId, actor: manager, at: monday } };
    deciderSpec(staffDecider)
      .given([])
      .when({ type: 'RegisterStaff', data: { staffId: 'S-0042', name: '王五', residentIdNumber: otherId, actor: manager, at: monday } })
      .then([registered]);
    deciderSpec(staffDecider)
      .given([registered])
      .when({ type: 'RegisterStaff', data: { staffId: 'S-0042', name: '王五', residentIdNumber: otherId, actor: manager, at: monday } })
      .thenRefusedWith('STAFF_ALREADY_REGISTERED');
    deciderSpec(staffDecider)
      .given([registered])
      .when({ type: 'DeactivateStaff', data: { staffId: 'S-0042', reason: 'left the company', actor: manager, at: monday } })
      .then([{ type: 'StaffDeactivated', data: { staffId: 'S-0042', reason: 'left the company', actor: manager, at: monday } }]);
    deciderSpec(staffDecider)
      .given([])
      .when({ type: 'DeactivateStaff', data: { staffId: 'S-0042', reason: 'left', actor: manager, at: monday } })
      .thenRefusedWith('STAFF_NOT_FOUND');
    deciderSpec(staffDecider)
      .given([registered])
      .when({ type: 'DeactivateStaff', data: { staffId: 'S-0042', reason: 'left', actor: guard, at: monday } })
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });

  it('grades a person’s refusal by its worst reason: a blacklisted ID red, another’s card, a declined visitor or a face the lanes refuse orange, an unapproved visitor or the wrong day yellow', () => {
    const alarm = (reasons: Parameters<typeof personRefusalAlarmOf>[0]['reasons']) =>
      personRefusalAlarmOf({ refusalId: 'e-1', location: 'south', subject: otherId, reasons, at: tuesday }, ALARM_THRESHOLDS).grade;
    expect(alarm(['not_approved'])).toBe('yellow');
    expect(alarm(['wrong_day'])).toBe('yellow');
    expect(alarm(['not_approved', 'wrong_day'])).toBe('yellow');
    expect(alarm(['declined'])).toBe('orange');
    expect(alarm(['wrong_day', 'id_mismatch'])).toBe('orange');
    expect(alarm(['staff_unknown'])).toBe('orange');
    expect(alarm(['staff_deactivated'])).toBe('orange');
    expect(alarm(['id_mismatch', 'blacklisted'])).toBe('red');
    expect(personRefusalAlarmOf({ refusalId: 'e-1', location: 'south', subject: otherId, reasons: ['declined'], at: tuesday }, ALARM_THRESHOLDS)).toEqual({
      alarmId: 'refusal-e-1',
      kind: 'gate_refusal',
      grade: 'orange',
      source: 'e-1',
      location: 'south',
      subject: otherId,
      measured: 0,
      threshold: 0,
      detectedAt: tuesday,
    });
  });
});
