import { Global, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventStore } from '@dw/event-store';
import { ManualClock, uuidV7Generator } from '@dw/kernel';
import { waitFor } from '@dw/testing';
import type { IntegrationClient } from '../integration/integration-clients';
import { signRequest } from '../integration/request-signature';
import { bearer, call, startEdgeApp, testConfig, testDatabase, type RunningEdge, type TestServiceDatabase } from '../test-support/edge-test-kit';
import { BusinessCalendarModule } from './business-calendar.module';
import { CALENDAR_STREAM } from './business-calendars';

/**
 * The business calendar is data in the service's log, published at run time (ADR 0003), so a new
 * year needs no deploy.
 * Two replicas of one service share a schema; the exchange publishes 2027 through its signed API
 * to one of them, and both count across the new year without a restart. Real PostgreSQL, real HTTP.
 */
const shfe: IntegrationClient = { id: 'shfe', secret: 'shfe-calendar-secret-0123456789-0123456', role: 'exchange' };
/** 10:00 in Shanghai on Saturday 2026-10-31: 61 days before the calendar's last day, 2026-12-31. */
const clock = new ManualClock('2026-10-31T02:00:00.000Z');

/** An example 2027 notice (test data, not the State Council's): New Year's Day on Friday 2027-01-01 and the weekend after. */
const notice2027 = {
  source: 'example notice for 2027',
  holidays: [
    { name: 'New Year', daysOff: ['2027-01-01', '2027-01-02', '2027-01-03'], makeUpWorkingDays: [] },
    {
      name: 'Spring Festival',
      daysOff: ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
      makeUpWorkingDays: ['2027-02-13'],
    },
  ],
};

let schema: TestServiceDatabase;
let replicas: RunningEdge[];

async function startReplica(): Promise<RunningEdge> {
  @Global()
  @Module({ providers: [{ provide: EventStore, useValue: new EventStore(schema.db, { clock, ids: uuidV7Generator }) }], exports: [EventStore] })
  class StoreModule {}
  @Module({ imports: [StoreModule, BusinessCalendarModule] })
  class CalendarAppModule {}
  return startEdgeApp(CalendarAppModule, { db: schema.db, clock, config: testConfig({ clients: [shfe], env: { CALENDAR_REFRESH_MS: '1000' } }) });
}

beforeAll(async () => {
  schema = await testDatabase('platform_calendar');
  // Started together, as two replicas of a fresh deployment: both try to seed the bundled years.
  replicas = await Promise.all([startReplica(), startReplica()]);
});
afterAll(async () => {
  await Promise.all((replicas ?? []).map((replica) => replica.close()));
  await schema?.close();
});

const [a, b] = [() => replicas[0]!, () => replicas[1]!];
// Tokens issued at the test clock's now, which the replicas check them against.
const ops = () => bearer(['ops'], { sub: 'ops-on-call', issuedAt: clock.now() });
const depositor = () => bearer(['depositor'], { sub: 'u-seller', partyId: 'party-seller', issuedAt: clock.now() });
const readCalendar = (replica: RunningEdge) => call(`${replica.url}/calendars/cn-mainland`, { headers: depositor() });
const readDay = (replica: RunningEdge, date: string) => call(`${replica.url}/calendars/cn-mainland/days/${date}`, { headers: depositor() });
const readiness = async (replica: RunningEdge) => (await call(`${replica.url}/health/ready`)).body;

function publishSigned(replica: RunningEdge, year: string, json: unknown, key = randomUUID()) {
  const path = `/integration/exchange/calendars/cn-mainland/years/${year}`;
  const body = JSON.stringify(json);
  const signed = signRequest({ clientId: shfe.id, secret: shfe.secret, method: 'PUT', path, body, clock });
  return call(`${replica.url}${path}`, { method: 'PUT', headers: { ...signed, 'Content-Type': 'application/json', 'Idempotency-Key': key }, body });
}

describe('the business calendar, published at run time', () => {
  it('seeds the bundled 2025 and 2026 notices into the log once, however many replicas start', async () => {
    const { rows } = await schema.db.query<{ year: number; n: number }>(
      `SELECT (data->>'year')::int AS year, count(*)::int AS n FROM events WHERE stream_id = $1 GROUP BY 1 ORDER BY 1`,
      [CALENDAR_STREAM],
    );
    expect(rows).toEqual([
      { year: 2025, n: 1 },
      { year: 2026, n: 1 },
    ]);
  });

  it('warns from 60 days before the last published day: not on 2026-10-31 (61 days), yes on 2026-11-01 (60)', async () => {
    // Oct 31 → Dec 31: 30 days of November + 31 of December = 61 days.
    const before = (await readCalendar(a())).body;
    expect(before).toMatchObject({ calendar: 'cn-mainland', firstDate: '2025-01-01', lastDate: '2026-12-31', daysLeft: 61, warningDays: 60 });
    expect(before.warning).toBeUndefined();
    expect((await readiness(a())).checks.calendar).toMatchObject({ status: 'up' });
    expect((await readiness(a())).checks.calendar.warning).toBeUndefined();

    clock.set('2026-11-01T02:00:00.000Z');
    const after = (await readCalendar(a())).body;
    expect(after.daysLeft).toBe(60);
    expect(after.warning).toContain('2026-12-31');
    const ready = await readiness(a());
    expect(ready.status).toBe('up');
    expect(ready.checks.calendar).toMatchObject({ status: 'up', warning: expect.stringContaining('60 day(s)') });
  });

  it('refuses, never guesses, a count that walks past the last published day: 422 CALENDAR_OUT_OF_RANGE', async () => {
    const refused = await readDay(a(), '2026-12-31');
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'CALENDAR_OUT_OF_RANGE' });
    // A day whose neighbours are published is answered: Fri 2026-10-09 lies between the
    // National Day holiday (to Wed Oct 7) and the make-up Saturday Oct 10.
    const known = await readDay(a(), '2026-10-09');
    expect(known.body).toEqual({
      date: '2026-10-09',
      workingDay: true,
      tradingDay: true,
      holiday: false,
      makeUpWorkingDay: false,
      previousTradingDay: '2026-10-08',
      nextTradingDay: '2026-10-12',
    });
  });

  it('uses a year the exchange publishes at once on the replica that took it, and on the other within its refresh, without a restart', async () => {
    const published = await publishSigned(a(), '2027', notice2027);
    expect(published.status).toBe(200);
    expect(published.body).toEqual({ year: 2027, revision: 1, changed: true, lastDate: '2027-12-31' });

    // Thu 2026-12-31, then Fri Jan 1 (New Year's Day), Sat 2, Sun 3: the next trading day is Mon 2027-01-04.
    expect((await readDay(a(), '2026-12-31')).body).toMatchObject({ tradingDay: true, nextTradingDay: '2027-01-04' });
    const onB = await waitFor(
      async () => {
        const answer = await readDay(b(), '2026-12-31');
        return answer.status === 200 ? answer : undefined;
      },
      { timeoutMs: 10_000, describe: 'replica B reading 2027' },
    );
    expect(onB.body.nextTradingDay).toBe('2027-01-04');

    // Nov 1 2026 → Dec 31 2027: 60 days to the end of 2026 + 365 days of 2027 = 425 days; no warning.
    const calendar = (await readCalendar(b())).body;
    expect(calendar).toMatchObject({ lastDate: '2027-12-31', daysLeft: 425 });
    expect(calendar.warning).toBeUndefined();
    expect(
      calendar.years.map((y: { year: number; revision: number; publishedBy: { subject: string } }) => [y.year, y.revision, y.publishedBy.subject]),
    ).toEqual([
      [2025, 1, 'bundled-calendar-data'],
      [2026, 1, 'bundled-calendar-data'],
      [2027, 1, 'shfe'],
    ]);
    expect((await readiness(b())).checks.calendar.warning).toBeUndefined();
  });

  it('treats the same notice published again as no change, and replays a retried request', async () => {
    const key = randomUUID();
    const again = await publishSigned(b(), '2027', notice2027, key);
    expect(again.body).toEqual({ year: 2027, revision: 1, changed: false, lastDate: '2027-12-31' });
    const retried = await publishSigned(b(), '2027', notice2027, key);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(again.body);
  });

  it('lets ops publish a correction of days still ahead, as revision 2', async () => {
    const corrected = {
      source: 'corrected example notice for 2027',
      holidays: [notice2027.holidays[0], { ...notice2027.holidays[1], daysOff: [...notice2027.holidays[1]!.daysOff, '2027-02-13'], makeUpWorkingDays: [] }],
    };
    const answer = await call(`${a().url}/calendars/cn-mainland/years/2027`, { method: 'PUT', headers: ops(), json: corrected });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ year: 2027, revision: 2, changed: true });
    expect((await readDay(a(), '2027-02-13')).body).toMatchObject({ holiday: true, workingDay: false });
  });

  it('refuses bad publications with a clear problem and changes nothing', async () => {
    const eventsBefore = (await schema.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [CALENDAR_STREAM])).rows[0]!.n;
    const gap = await publishSigned(a(), '2029', { source: 's', holidays: [] });
    expect(gap.status).toBe(422);
    expect(gap.body).toMatchObject({ code: 'CALENDAR_YEAR_GAP', field: 'year' });

    const otherYear = await publishSigned(a(), '2028', { source: 's', holidays: [{ name: 'New Year', daysOff: ['2027-12-31'], makeUpWorkingDays: [] }] });
    expect(otherYear.status).toBe(422);
    expect(otherYear.body).toMatchObject({ code: 'CALENDAR_DATA_INVALID', field: 'holidays[0].daysOff[0]' });

    const notAYear = await publishSigned(a(), 'next', notice2027);
    expect(notAYear.body).toMatchObject({ code: 'CALENDAR_YEAR_INVALID' });

    const unknownField = await publishSigned(a(), '2028', { source: 's', holidays: [], approvedBy: 'me' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.code).toBe('VALIDATION_FAILED');

    const badDate = await publishSigned(a(), '2028', { source: 's', holidays: [{ name: 'x', daysOff: ['2028-13-01'], makeUpWorkingDays: [] }] });
    expect(badDate.status).toBeGreaterThanOrEqual(400);
    expect(badDate.status).toBeLessThan(500);

    const notOps = await call(`${a().url}/calendars/cn-mainland/years/2028`, { method: 'PUT', headers: depositor(), json: { source: 's', holidays: [] } });
    expect(notOps.status).toBe(403);

    const eventsAfter = (await schema.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [CALENDAR_STREAM])).rows[0]!.n;
    expect(eventsAfter).toBe(eventsBefore);
  });
});
