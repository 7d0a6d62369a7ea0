import { Pool, type PoolClient } from 'pg';
import { databaseUrl } from '@dw/testing';
import { ManualClock } from '@dw/kernel';
import { ReceiptTestApp } from './testing/receipt-test-app.spec-helper';
import { depositor, ops } from './testing/receipt-scenario.spec-helper';

/**
 * Read-your-writes over HTTP on real PostgreSQL: a command's answer names the log position it
 * wrote (X-Log-Position); a query sent with that position (X-Min-Log-Position) answers only once
 * the read models have applied it, and refuses with 503 READ_MODEL_BEHIND after the bound.
 *
 * To make "not applied yet" certain rather than a matter of timing, a transaction that holds an
 * xid is kept open across the write: whole-log readers read only below the oldest running
 * transaction (pg_snapshot_xmin), so the projection cannot apply the write until it ends.
 */
describe('read-your-writes', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  const holder = depositor('party-ryw');
  let app: ReceiptTestApp;
  let admin: Pool;

  beforeAll(async () => {
    // A bound long enough to outlast the held transaction below, short enough for the 503 case.
    app = await ReceiptTestApp.start('ryw', { clock, env: { READ_YOUR_WRITES_TIMEOUT_MS: '2000' } });
    admin = new Pool({ connectionString: databaseUrl(), max: 1 });
  });
  afterAll(async () => {
    await admin?.end();
    await app?.close();
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${app.token(ops)}`, ...headers } });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read answers of many shapes field by field
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
  const cardsOf = (body: { items: { cardNumber: string }[] }) => body.items.map((item) => item.cardNumber);

  async function holdHorizon(): Promise<PoolClient> {
    const client = await admin.connect();
    await client.query('BEGIN');
    await client.query('SELECT pg_current_xact_id()');
    return client;
  }

  it('a query with the written position answers with the write applied; without it, the read model may not show it yet', async () => {
    const blocker = await holdHorizon();
    let applied: string;
    let position: string;
    let waited: Promise<Awaited<ReturnType<typeof get>>>;
    try {
      const written = await app.as(holder, 'POST', '/storage-cards', { holderName: '读写一致贸易有限公司' });
      expect(written.status).toBe(201);
      applied = written.body.cardNumber;
      position = written.headers.get('x-log-position')!;
      expect(position).toMatch(/^\d+-\d+$/);

      // Without the position: the list is read as it is, and the held transaction keeps the card out of it.
      const stale = await get('/storage-cards?ownerPartyId=party-ryw');
      expect([stale.status, cardsOf(stale.body)]).toEqual([200, []]);
      // With it: the answer waits for the read model, which cannot move until the blocker ends.
      waited = get('/storage-cards?ownerPartyId=party-ryw', { 'x-min-log-position': position });
    } finally {
      await blocker.query('COMMIT');
      blocker.release();
    }
    const fresh = await waited;
    expect([fresh.status, cardsOf(fresh.body)]).toEqual([200, [applied]]);
  });

  it('a position the read models never reach is refused with 503 READ_MODEL_BEHIND after the bound', async () => {
    const written = await app.as(holder, 'POST', '/storage-cards', { holderName: '读写一致第二账户' });
    const [transaction] = written.headers.get('x-log-position')!.split('-');
    // A transaction far beyond any this cluster will have run by the end of the test.
    const never = `${BigInt(transaction!) + 1_000_000_000n}-1`;
    const started = performance.now();
    const refused = await get('/storage-cards', { 'x-min-log-position': never });
    const waitedMs = performance.now() - started;
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toMatchObject({ code: 'READ_MODEL_BEHIND', field: 'X-Min-Log-Position' });
    expect(refused.body.details.behind).toEqual(expect.arrayContaining(['storage_cards']));
    // It waited out the configured bound (2,000 ms), not less.
    expect(waitedMs).toBeGreaterThanOrEqual(2_000);
  });

  it('a malformed position is refused with 400 LOG_POSITION_INVALID', async () => {
    for (const token of ['latest', '12', '-1-2', '1-2-3', `${'9'.repeat(21)}-1`]) {
      const refused = await get('/storage-cards', { 'x-min-log-position': token });
      expect([refused.status, refused.body.code, refused.body.field]).toEqual([400, 'LOG_POSITION_INVALID', 'X-Min-Log-Position']);
    }
  });

  it('a query writes nothing, so its answer names no position', async () => {
    const written = await app.as(holder, 'POST', '/storage-cards', { holderName: '读写一致第三账户' });
    const read = await get('/storage-cards?ownerPartyId=party-ryw', { 'x-min-log-position': written.headers.get('x-log-position')! });
    expect(cardsOf(read.body)).toContain(written.body.cardNumber);
    expect(read.headers.get('x-log-position')).toBeNull();
  });
});
