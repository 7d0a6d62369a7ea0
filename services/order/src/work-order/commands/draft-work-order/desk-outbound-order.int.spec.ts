import { ManualClock } from '@dw/kernel';
import { recordReceiptIssuedIn } from '../../../receipt-backing/receipt-backing';
import { OrderTestApp, type Person } from '../../../testing/order-test-app.spec-helper';

/**
 * An outbound order drafted at the desk over HTTP on the running order service (real PostgreSQL
 * and Kafka): it names its lots, and a lot a live receipt stands on is refused.
 */
describe('outbound orders drafted at the desk', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  const clerk: Person = { sub: 'clerk-1', roles: ['clerk'] };
  const depositor: Person = { sub: 'depositor-1', roles: ['depositor'], partyId: 'P-0001' };
  const metadata = { actor: { subject: 'service:order', role: 'service' }, correlationId: 'setup' };
  let app: OrderTestApp;
  const order = { type: 'outbound', warehouse: 'WH-SH-01', owner: 'SC-0001', commodity: 'rebar' };
  const draft = (body: unknown, who = clerk) => app.as(who, 'POST', '/work-orders', body);

  beforeAll(async () => {
    app = await OrderTestApp.start('deskout', clock);
    await app.recordApprovedCard();
    // The receipt service issued WR-1 over lot-a.
    await app.store.transaction((tx) => recordReceiptIssuedIn(tx, 'WR-1', ['lot-a'], metadata));
  });
  afterAll(() => app?.close());

  it('drafts one over free lots, and refuses one over a lot backing a live receipt (409 LOT_BACKS_LIVE_RECEIPT), writing nothing', async () => {
    expect((await draft({ ...order, lots: ['lot-z'] })).status).toBe(201);
    const refused = await draft({ ...order, lots: ['lot-z', 'lot-a'] });
    expect([refused.status, refused.body.code, refused.body.details]).toEqual([
      409,
      'LOT_BACKS_LIVE_RECEIPT',
      { lots: [{ lotId: 'lot-a', receiptNumbers: ['WR-1'] }] },
    ]);
    const listed = await app.as(clerk, 'GET', '/work-orders?type=outbound');
    expect(listed.body.items).toHaveLength(1);
  });

  it.each([
    ['without lots', order, 422, 'LIST_EMPTY'],
    ['with lots that are not text', { ...order, lots: [7] }, 400, 'VALIDATION_FAILED'],
    ['with lots on a stocktake order', { ...order, type: 'stocktake', lots: ['lot-z'] }, 422, 'LOTS_NOT_APPLICABLE'],
  ])('refuses a draft %s', async (_case, body, status, code) => {
    const refused = await draft(body);
    expect([refused.status, refused.body.code]).toEqual([status, code]);
  });

  it('refuses a depositor drafting at the desk (403)', async () => {
    expect((await draft({ ...order, lots: ['lot-z'] }, depositor)).status).toBe(403);
  });
});
