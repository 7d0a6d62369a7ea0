import { fromBinary } from '@bufbuild/protobuf';
import {
  AlarmGrade,
  FaceLaneDirection,
  gateAlarmTopic,
  GateAlarmRaisedSchema,
  gatePersonTopic,
  PersonAdmittedSchema,
  PersonLeftSchema,
  PersonRefusedSchema,
  StaffFaceLanePassedSchema,
  topicName,
  VisitorAppointmentRequestedSchema,
  VisitorApprovedSchema,
  VisitorDeclinedSchema,
  VisitorRegisteredSchema,
} from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { signRequest } from '@dw/platform';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { BANK, depositor, FACE_LANE, GATE_READ_MODELS, GateTestApp, guard, manager, ops, type Person } from '../testing/gate-test-app.spec-helper';

/**
 * Visitors and staff at the gate over HTTP and the signed device API, on the real PostgreSQL and
 * Kafka, read back from gate.person.v1 and gate.alarm.v1. Requests on Monday 2026-12-07 (10:00
 * in Shanghai) for Tuesday 2026-12-08; the gate opens Tuesday 09:00 in Shanghai (01:00 UTC).
 */
describe('people at the gate', () => {
  const clock = new ManualClock('2026-12-07T02:00:00Z');
  const host: Person = { sub: 'ops-zhao', roles: ['ops'] };
  const otherStaff: Person = { sub: 'ops-sun', roles: ['ops'] };
  const visitor = { name: '李四', residentIdNumber: '11010519491231002X', mobile: '13800138000' };
  const stranger = { name: '赵六', residentIdNumber: '440524188001010014', mobile: '13900139000' };
  let app: GateTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    app = await GateTestApp.start('people', clock);
    recorder = await new TopicRecorder(testMessageBus(), [topicName(gatePersonTopic, app.prefix), topicName(gateAlarmTopic, app.prefix)]).start();
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
      { timeoutMs: 60_000, describe: `${count} ${typeName}` },
    );

  let approvedVisit: string;
  let pendingVisit: string;

  it('a visitor the host approved comes in on the day with the ID card and leaves; each step is published on gate.person.v1', async () => {
    const asked = await app.as(depositor('P-HENGDA'), 'POST', '/visitor-appointments', {
      visitor: { ...visitor, residentIdNumber: '11010519491231002x' },
      host: host.sub,
      date: '2026-12-08',
      purpose: 'quarterly stock audit',
      plate: '沪a 12345',
    });
    expect([asked.status, asked.body]).toEqual([
      201,
      {
        personVisitId: expect.any(String),
        channel: 'online',
        visitor,
        host: host.sub,
        date: '2026-12-08',
        purpose: 'quarterly stock audit',
        plate: '沪A12345',
        status: 'awaiting_approval',
        decidedBy: null,
        declineReason: null,
      },
    ]);
    approvedVisit = asked.body.personVisitId;
    const approved = await app.as(host, 'POST', `/visitor-appointments/${approvedVisit}/approve`);
    expect([approved.status, approved.body.status, approved.body.decidedBy]).toEqual([200, 'approved', host.sub]);
    // Approving again answers the same and records nothing.
    const again = await app.as(host, 'POST', `/visitor-appointments/${approvedVisit}/approve`);
    expect([again.status, again.body.status]).toEqual([200, 'approved']);

    clock.set(new Date('2026-12-08T01:00:00Z'));
    const entered = await app.as(guard, 'POST', '/person-entries', { gate: 'south', appointmentId: approvedVisit, residentIdNumber: visitor.residentIdNumber });
    expect([entered.status, entered.body]).toEqual([
      200,
      { personVisitId: approvedVisit, entryId: expect.any(String), gate: 'south', outcome: 'admitted', reasons: [], decidedBy: guard.sub },
    ]);
    const twice = await app.as(guard, 'POST', '/person-entries', { gate: 'south', appointmentId: approvedVisit, residentIdNumber: visitor.residentIdNumber });
    expect([twice.status, twice.body.code, twice.body.details.status]).toEqual([409, 'PERSON_ALREADY_ENTERED', 'on_site']);
    const onSite = await app.as(ops, 'GET', '/person-visits?date=2026-12-08&onSite=true');
    expect(onSite.body.items).toEqual([
      expect.objectContaining({ personVisitId: approvedVisit, status: 'on_site', admittedBy: guard.sub, enteredAt: '2026-12-08T01:00:00.000Z' }),
    ]);

    clock.set(new Date('2026-12-08T03:30:00Z'));
    const left = await app.as(guard, 'POST', '/person-exits', { gate: 'south', personVisitId: approvedVisit });
    expect([left.status, left.body]).toEqual([200, { personVisitId: approvedVisit, status: 'left' }]);
    const leftAgain = await app.as(guard, 'POST', '/person-exits', { gate: 'south', personVisitId: approvedVisit });
    expect([leftAgain.status, leftAgain.body.code]).toEqual([409, 'PERSON_NOT_ON_SITE']);
    expect((await app.as(ops, 'GET', '/person-visits?date=2026-12-08&onSite=true')).body.items).toEqual([]);

    const [requestedMessage] = await published(VisitorAppointmentRequestedSchema.typeName, 1);
    expect(requestedMessage!.key).toBe(approvedVisit);
    expect(fromBinary(VisitorAppointmentRequestedSchema, requestedMessage!.value)).toMatchObject({
      host: host.sub,
      partyId: 'P-HENGDA',
      date: { value: '2026-12-08' },
      visitor,
      requestedBy: { subject: 'dep-P-HENGDA', role: 'depositor' },
    });
    expect((await published(VisitorApprovedSchema.typeName, 1)).map((m) => fromBinary(VisitorApprovedSchema, m.value).approvedBy?.subject)).toEqual([host.sub]);
    const [admittedMessage] = await published(PersonAdmittedSchema.typeName, 1);
    expect(fromBinary(PersonAdmittedSchema, admittedMessage!.value)).toMatchObject({ personVisitId: approvedVisit, gate: 'south', name: '李四' });
    const [leftMessage] = await published(PersonLeftSchema.typeName, 1);
    expect([leftMessage!.key, fromBinary(PersonLeftSchema, leftMessage!.value).recordedBy?.subject]).toEqual([approvedVisit, guard.sub]);
  });

  it('refuses a visitor without the host’s approval, and one with another’s ID card or blacklisted, recording the reasons and raising an alarm', async () => {
    clock.set(new Date('2026-12-08T01:10:00Z'));
    const walkIn = await app.as(guard, 'POST', '/visitors', { visitor: stranger, host: host.sub, purpose: 'delivers a contract' });
    expect([walkIn.status, walkIn.body.channel, walkIn.body.date, walkIn.body.status]).toEqual([201, 'walk_in', '2026-12-08', 'awaiting_approval']);
    pendingVisit = walkIn.body.personVisitId;
    const early = await app.as(guard, 'POST', '/person-entries', { gate: 'south', appointmentId: pendingVisit, residentIdNumber: stranger.residentIdNumber });
    expect([early.status, early.body.outcome, early.body.reasons]).toEqual([200, 'refused', ['not_approved']]);

    // Someone else approves: neither another staff member nor the depositor may; a manager may.
    const wrongHost = await app.as(otherStaff, 'POST', `/visitor-appointments/${pendingVisit}/approve`);
    expect([wrongHost.status, wrongHost.body.code, wrongHost.body.details.host]).toEqual([403, 'NOT_THE_HOST', host.sub]);
    expect((await app.as(depositor('P-HENGDA'), 'POST', `/visitor-appointments/${pendingVisit}/approve`)).status).toBe(403);
    expect((await app.as(manager, 'POST', `/visitor-appointments/${pendingVisit}/approve`)).body.status).toBe('approved');

    expect((await app.as(manager, 'POST', '/blacklist/drivers', { residentIdNumber: visitor.residentIdNumber, reason: 'fought a guard' })).status).toBe(201);
    clock.set(new Date('2026-12-08T01:15:00Z'));
    const swapped = await app.as(guard, 'POST', '/person-entries', { gate: 'south', appointmentId: pendingVisit, residentIdNumber: visitor.residentIdNumber });
    expect([swapped.body.outcome, swapped.body.reasons]).toEqual(['refused', ['id_mismatch', 'blacklisted']]);

    clock.set(new Date('2026-12-08T01:20:00Z'));
    const declined = await app.as(guard, 'POST', '/visitors', { visitor, host: host.sub, purpose: 'wants a word' });
    const notThis = await app.as(host, 'POST', `/visitor-appointments/${declined.body.personVisitId}/decline`, { reason: 'not expected' });
    expect([notThis.status, notThis.body.status, notThis.body.declineReason]).toEqual([200, 'declined', 'not expected']);
    const approveDeclined = await app.as(host, 'POST', `/visitor-appointments/${declined.body.personVisitId}/approve`);
    expect([approveDeclined.status, approveDeclined.body.code]).toEqual([409, 'VISITOR_ALREADY_DECIDED']);
    const refusedDeclined = await app.as(guard, 'POST', '/person-entries', {
      gate: 'south',
      appointmentId: declined.body.personVisitId,
      residentIdNumber: visitor.residentIdNumber,
    });
    expect(refusedDeclined.body.reasons).toEqual(['declined', 'blacklisted']);

    const listed = await app.as(guard, 'GET', `/person-visits?date=2026-12-08&onSite=false`);
    expect(listed.body.items.find((v: { personVisitId: string }) => v.personVisitId === pendingVisit)).toMatchObject({
      status: 'approved',
      decidedBy: manager.sub,
      refusals: 2,
      lastRefusalReasons: ['id_mismatch', 'blacklisted'],
    });
    const refusals = await published(PersonRefusedSchema.typeName, 3);
    expect(refusals.map((m) => fromBinary(PersonRefusedSchema, m.value).reasons)).toEqual(
      expect.arrayContaining([['not_approved'], ['id_mismatch', 'blacklisted'], ['declined', 'blacklisted']]),
    );
    expect((await published(VisitorRegisteredSchema.typeName, 2)).length).toBe(2);
    expect(fromBinary(VisitorDeclinedSchema, (await published(VisitorDeclinedSchema.typeName, 1))[0]!.value).reason).toBe('not expected');
    // Each refusal is an alarm: red for a blacklisted ID number, yellow for a visitor not yet approved.
    const alarms = await app.as(ops, 'GET', '/alarms?kind=gate_refusal');
    expect(alarms.body.items.map((a: { grade: string; subject: string }) => [a.grade, a.subject])).toEqual([
      ['yellow', stranger.residentIdNumber],
      ['red', visitor.residentIdNumber],
      ['red', visitor.residentIdNumber],
    ]);
    const raised = await published(GateAlarmRaisedSchema.typeName, 3);
    expect(raised.map((m) => fromBinary(GateAlarmRaisedSchema, m.value).grade).sort()).toEqual([AlarmGrade.YELLOW, AlarmGrade.RED, AlarmGrade.RED].sort());
  });

  it('refuses bad requests naming the field and writing nothing: a day past, malformed and unknown fields, a bad ID number, an unknown visit, the wrong roles', async () => {
    const body = { visitor, host: host.sub, date: '2026-12-09', purpose: 'audit' };
    const past = await app.as(ops, 'POST', '/visitor-appointments', { ...body, date: '2026-12-07' });
    expect([past.status, past.body.code, past.body.field]).toEqual([422, 'VISIT_DATE_PAST', 'date']);
    const badDay = await app.as(ops, 'POST', '/visitor-appointments', { ...body, date: '2026-02-30' });
    expect([badDay.status, badDay.body.code]).toEqual([422, 'INVALID_DATE']);
    const badId = await app.as(ops, 'POST', '/visitor-appointments', { ...body, visitor: { ...visitor, residentIdNumber: '110105194912310021' } });
    expect([badId.status, badId.body.code, badId.body.field]).toEqual([422, 'RESIDENT_ID_INVALID', 'visitor.residentIdNumber']);
    const noPurpose = await app.as(ops, 'POST', '/visitor-appointments', { ...body, purpose: '  ' });
    expect([noPurpose.status, noPurpose.body.code, noPurpose.body.field]).toEqual([422, 'FIELD_REQUIRED', 'purpose']);
    expect((await app.as(ops, 'POST', '/visitor-appointments', { ...body, vip: true })).status).toBe(400);
    expect((await app.as(ops, 'POST', '/visitor-appointments', { ...body, visitor: 'Li Si' })).status).toBe(400);
    expect((await app.as(ops, 'POST', '/visitor-appointments', { ...body, host: 'ops zhao; drop' })).status).toBe(400);
    expect((await app.as(host, 'POST', '/visitors', { visitor, host: host.sub, purpose: 'x' })).status).toBe(403);
    const unknown = await app.as(guard, 'POST', '/person-entries', {
      gate: 'south',
      appointmentId: 'no-such-visit',
      residentIdNumber: visitor.residentIdNumber,
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'PERSON_VISIT_NOT_FOUND']);
    const badGate = await app.as(guard, 'POST', '/person-entries', { gate: 'east', appointmentId: pendingVisit, residentIdNumber: stranger.residentIdNumber });
    expect([badGate.status, badGate.body.code]).toEqual([422, 'GATE_UNKNOWN']);
    const noDecline = await app.as(host, 'POST', `/visitor-appointments/${pendingVisit}/decline`, {});
    expect(noDecline.status).toBe(400);
    expect((await app.as(depositor('P-HENGDA'), 'GET', '/person-visits')).status).toBe(403);
    const all = await app.as(manager, 'GET', '/person-visits?limit=2');
    const rest = await app.as(manager, 'GET', `/person-visits?limit=2&cursor=${encodeURIComponent(all.body.nextCursor)}`);
    // The three visits above, and none of the refused requests.
    expect([...all.body.items, ...rest.body.items]).toHaveLength(3);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('lets an active staff member through the face lane in and out, refuses an unknown or deactivated one with an alarm, and answers a retry the same', async () => {
    clock.set(new Date('2026-12-08T00:30:00Z'));
    const enrolled = await app.as(manager, 'POST', '/staff', { staffId: 'S-0042', name: '王五', residentIdNumber: stranger.residentIdNumber });
    expect([enrolled.status, enrolled.body]).toEqual([201, { staffId: 'S-0042', name: '王五', status: 'active' }]);
    expect((await app.as(manager, 'POST', '/staff', { staffId: 'S-0042', name: '王五', residentIdNumber: stranger.residentIdNumber })).body.code).toBe(
      'STAFF_ALREADY_REGISTERED',
    );
    expect((await app.as(guard, 'POST', '/staff', { staffId: 'S-0043', name: '钱七', residentIdNumber: visitor.residentIdNumber })).status).toBe(403);

    const path = '/integration/gate/face-passes';
    const morning = { passId: 'p-1', lane: 'east-1', staffId: 'S-0042', direction: 'in', passedAt: '2026-12-08T00:29:58Z' };
    const passIn = await app.signed(FACE_LANE, 'POST', path, morning);
    expect([passIn.status, passIn.body]).toEqual([
      200,
      { passId: 'face-east-1-p-1', staffId: 'S-0042', lane: 'east-1', direction: 'in', outcome: 'admitted', reasons: [], passedAt: '2026-12-08T00:29:58.000Z' },
    ]);
    const passOut = await app.signed(FACE_LANE, 'POST', path, { ...morning, passId: 'p-2', direction: 'out', passedAt: '2026-12-08T00:29:59Z' });
    expect(passOut.body.outcome).toBe('admitted');
    const unknown = await app.signed(FACE_LANE, 'POST', path, { ...morning, passId: 'p-3', staffId: 'S-9999' });
    expect([unknown.body.outcome, unknown.body.reasons]).toEqual(['refused', ['staff_unknown']]);

    const deactivated = await app.as(manager, 'POST', '/staff/S-0042/deactivate', { reason: 'left the company' });
    expect([deactivated.status, deactivated.body.status]).toEqual([200, 'deactivated']);
    expect((await app.as(manager, 'POST', '/staff/S-0042/deactivate', { reason: 'again' })).body.code).toBe('STAFF_ALREADY_DEACTIVATED');
    expect((await app.as(manager, 'POST', '/staff/S-7777/deactivate', { reason: 'x' })).body.code).toBe('STAFF_NOT_FOUND');
    const gone = await app.signed(FACE_LANE, 'POST', path, { ...morning, passId: 'p-4', passedAt: '2026-12-08T00:30:00Z' });
    expect([gone.body.outcome, gone.body.reasons]).toEqual(['refused', ['staff_deactivated']]);
    // The lane retries p-1 under a new key after the deactivation: the pass was decided once, admitted.
    const retry = await app.signed(FACE_LANE, 'POST', path, morning);
    expect([retry.status, retry.body.outcome]).toEqual([200, 'admitted']);

    const passes = await app.as(ops, 'GET', '/face-passes?staffId=S-0042');
    expect(passes.body.items.map((p: { passId: string; direction: string; outcome: string }) => [p.passId, p.direction, p.outcome])).toEqual([
      ['face-east-1-p-1', 'in', 'admitted'],
      ['face-east-1-p-2', 'out', 'admitted'],
      ['face-east-1-p-4', 'in', 'refused'],
    ]);
    const laneMessages = (await published(StaffFaceLanePassedSchema.typeName, 4)).map((m) => ({
      key: m.key,
      ...fromBinary(StaffFaceLanePassedSchema, m.value),
    }));
    expect(laneMessages.map((m) => [m.key, m.direction, m.admitted, m.reasons]).sort()).toEqual(
      [
        ['face-east-1-p-1', FaceLaneDirection.IN, true, []],
        ['face-east-1-p-2', FaceLaneDirection.OUT, true, []],
        ['face-east-1-p-3', FaceLaneDirection.IN, false, ['staff_unknown']],
        ['face-east-1-p-4', FaceLaneDirection.IN, false, ['staff_deactivated']],
      ].sort(),
    );
    const laneAlarms = await app.as(ops, 'GET', '/alarms?kind=gate_refusal&grade=orange');
    expect(laneAlarms.body.items.map((a: { alarmId: string; location: string }) => [a.alarmId, a.location])).toEqual([
      ['refusal-face-east-1-p-3', 'east-1'],
      ['refusal-face-east-1-p-4', 'east-1'],
    ]);
  });

  it('refuses unsigned, stale, replayed, wrongly signed and non-device face-lane calls before reading them, recording nothing', async () => {
    const path = '/integration/gate/face-passes';
    const body = { passId: 'p-50', lane: 'east-1', staffId: 'S-0042', direction: 'in', passedAt: '2026-12-08T00:29:00Z' };
    const unsigned = await app.as(guard, 'POST', path, body, { 'idempotency-key': 'k-face-unsigned' });
    expect([unsigned.status, unsigned.body.code]).toEqual([401, 'SIGNATURE_MISSING']);
    // Signed ten minutes before the gate's clock: outside the ±300 s window.
    const stale = await app.signed(FACE_LANE, 'POST', path, body, {
      headers: signRequest({
        clientId: FACE_LANE.id,
        secret: FACE_LANE.secret,
        method: 'POST',
        path,
        body: JSON.stringify(body),
        clock: new ManualClock('2026-12-08T00:20:00Z'),
      }),
    });
    expect([stale.status, stale.body.code]).toEqual([401, 'REQUEST_STALE']);
    const headers = signRequest({ clientId: FACE_LANE.id, secret: FACE_LANE.secret, method: 'POST', path, body: JSON.stringify(body), clock });
    expect((await app.signed(FACE_LANE, 'POST', path, body, { headers, idempotencyKey: 'k-face-1' })).status).toBe(200);
    const replayed = await app.signed(FACE_LANE, 'POST', path, body, { headers, idempotencyKey: 'k-face-2' });
    expect([replayed.status, replayed.body.code]).toEqual([401, 'NONCE_REPLAYED']);
    const forged = await app.signed(
      FACE_LANE,
      'POST',
      path,
      { ...body, passId: 'p-51' },
      {
        headers: signRequest({
          clientId: FACE_LANE.id,
          secret: 'not-the-lane-secret-0123456789-012345',
          method: 'POST',
          path,
          body: JSON.stringify({ ...body, passId: 'p-51' }),
          clock,
        }),
      },
    );
    expect([forged.status, forged.body.code]).toEqual([401, 'SIGNATURE_INVALID']);
    expect((await app.signed(BANK, 'POST', path, { ...body, passId: 'p-52' })).status).toBe(403);
    expect((await app.signed(FACE_LANE, 'POST', path, { ...body, passId: 'p-53', direction: 'sideways' })).status).toBe(400);
    expect((await app.signed(FACE_LANE, 'POST', path, { ...body, passId: 'p-54', smile: true })).status).toBe(400);
    const badTime = await app.signed(FACE_LANE, 'POST', path, { ...body, passId: 'p-55', passedAt: 'this morning' });
    expect([badTime.status, badTime.body.code, badTime.body.field]).toEqual([422, 'INVALID_INSTANT', 'passedAt']);
    const passes = await app.as(ops, 'GET', '/face-passes?staffId=S-0042&limit=100');
    expect(passes.body.items.map((p: { passId: string }) => p.passId).filter((id: string) => id.startsWith('face-east-1-p-5'))).toEqual(['face-east-1-p-50']);
  });

  it('rebuilds the visitors’ and face lanes’ read models from the log, equal row for row to the live ones', async () => {
    const { live, rebuilt } = await app.liveAndRebuilt(GATE_READ_MODELS);
    expect(live.person_visits).toHaveLength(3);
    expect(live.face_passes).toHaveLength(5);
    expect(rebuilt).toEqual(live);
  });
});
