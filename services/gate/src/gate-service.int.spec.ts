import { ownerRole } from '@dw/event-store';
import { ManualClock } from '@dw/kernel';
import { GateTestApp } from './testing/gate-test-app.spec-helper';

/** The gate service provisions its schema like every service and starts as main.ts starts it, on the real PostgreSQL and Kafka. */
describe('gate service', () => {
  const clock = new ManualClock('2026-12-07T02:00:00Z');
  let app: GateTestApp;

  beforeAll(async () => {
    app = await GateTestApp.start('start', clock);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('provisions its schema with the event log owned by the owner role, starts and answers ready', async () => {
    const { rows } = await app.owner.query<{ tablename: string; tableowner: string }>(
      `SELECT tablename, tableowner FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`,
      [app.schema],
    );
    expect(rows.map((row) => row.tablename)).toEqual(expect.arrayContaining(['events', 'streams', 'outbox']));
    expect(rows.filter((row) => row.tableowner !== ownerRole(app.schema))).toEqual([]);

    const live = await fetch(`${app.url}/health/live`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'up' }]);
    const ready = await fetch(`${app.url}/health/ready`);
    expect(ready.status).toBe(200);
    const openApi = await fetch(`${app.url}/openapi.json`);
    expect(openApi.status).toBe(200);
  });
});
