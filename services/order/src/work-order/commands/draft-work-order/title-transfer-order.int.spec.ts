import { ManualClock } from '@dw/kernel';
import { OrderTestApp, type Person } from '../../../testing/order-test-app.spec-helper';

/**
 * A title-transfer order over HTTP on the running order service (real PostgreSQL and Kafka): the
 * desk names the receipt and the buyer's card, and can neither tick the title check nor complete
 * the order itself; the receipt service's transfer does (see integration-events.int.spec.ts).
 */
describe('title-transfer orders at the desk', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  const clerk: Person = { sub: 'clerk-1', roles: ['clerk'] };
  let app: OrderTestApp;
  const draft = (body: unknown) => app.as(clerk, 'POST', '/work-orders', body);
  const order = {
    type: 'title_transfer',
    warehouse: 'WH-SH-01',
    owner: 'SC-0001',
    commodity: 'rebar',
    transfer: { receiptNumber: 'WR-1', buyerStorageCard: 'SC-0002' },
  };

  beforeAll(async () => {
    app = await OrderTestApp.start('transfer', clock);
    await app.recordApprovedCard();
  });
  afterAll(() => app?.close());

  it('refuses a clerk’s verify_title tick (409 STEP_DECIDED_BY_RECEIPT) and the desk’s completion (409 TITLE_TRANSFER_COMPLETED_BY_RECEIPT)', async () => {
    const drafted = await draft(order);
    expect(drafted.status).toBe(201);
    const orderId = drafted.body.orderId as string;
    expect((await app.as(clerk, 'POST', `/work-orders/${orderId}/open`)).status).toBe(200);
    const tick = await app.as(clerk, 'POST', `/work-orders/${orderId}/steps`, { step: 'verify_title' });
    expect([tick.status, tick.body.code, tick.body.details]).toEqual([409, 'STEP_DECIDED_BY_RECEIPT', { step: 'verify_title', rule: 'RCPT-TRANSFER-MATCH' }]);
    expect((await app.as(clerk, 'POST', `/work-orders/${orderId}/steps`, { step: 'notice' })).status).toBe(201);
    expect((await app.as(clerk, 'POST', `/work-orders/${orderId}/steps`, { step: 'confirm' })).status).toBe(201);
    const completed = await app.as(clerk, 'POST', `/work-orders/${orderId}/complete`);
    expect([completed.status, completed.body.code]).toEqual([409, 'TITLE_TRANSFER_COMPLETED_BY_RECEIPT']);
    const read = await app.as(clerk, 'GET', `/work-orders/${orderId}`);
    expect(read.body).toMatchObject({ status: 'in_progress', completion: null, workflow: { steps: [{ code: 'notice' }, { code: 'confirm' }] } });
  });

  it.each([
    ['without the transfer', { ...order, transfer: undefined }, 422, 'FIELD_REQUIRED'],
    ['with a transfer on a move order', { ...order, type: 'move' }, 422, 'TRANSFER_NOT_APPLICABLE'],
    ['with an unknown field in the transfer', { ...order, transfer: { ...order.transfer, price: 1 } }, 400, 'VALIDATION_FAILED'],
    ['with a transfer that is not an object', { ...order, transfer: 'WR-1' }, 400, 'VALIDATION_FAILED'],
  ])('refuses a draft %s', async (_case, body, status, code) => {
    const refused = await draft(body);
    expect([refused.status, refused.body.code]).toEqual([status, code]);
  });
});
