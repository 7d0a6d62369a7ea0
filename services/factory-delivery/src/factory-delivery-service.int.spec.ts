import { ownerRole } from '@dw/event-store';
import { ManualClock } from '@dw/kernel';
import { FactoryTestApp } from './testing/factory-test-app.spec-helper';

/** The factory-delivery service provisions its schema like every service and starts as main.ts starts it, on the real PostgreSQL and Kafka. */
describe('factory-delivery service', () => {
  const clock = new ManualClock('2026-12-08T02:00:00Z');
  let app: FactoryTestApp;

  beforeAll(async () => {
    app = await FactoryTestApp.start('fdstart', clock);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('provisions its schema with the event log owned by the owner role, starts and answers ready', async () => {
    expect(app.schema).toMatch(/factory_delivery/);
    const { rows } = await app.owner.query<{ tablename: string; tableowner: string }>(
      `SELECT tablename, tableowner FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`,
      [app.schema],
    );
    expect(rows.map((row) => row.tablename)).toEqual(
      expect.arrayContaining(['events', 'streams', 'outbox', 'factories', 'factory_terms', 'issuance_applications']),
    );
    expect(rows.filter((row) => row.tableowner !== ownerRole(app.schema))).toEqual([]);

    const live = await fetch(`${app.url}/health/live`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'up' }]);
    const ready = await fetch(`${app.url}/health/ready`);
    expect(ready.status).toBe(200);
    const openApi = await fetch(`${app.url}/openapi.json`);
    expect(openApi.status).toBe(200);
  });
});
