import { ManualClock } from '@dw/kernel';
import { OrderTestApp, type Person } from '../../../testing/order-test-app.spec-helper';
import { application } from '../../domain/pickup.test-fixtures';
import { decideEntitlementIn } from '../../entitlements';

/**
 * POST /entitlements/:id/pickup-application over HTTP on the running order service (real
 * PostgreSQL and Kafka): the holder's application opens the entitlement's outbound order; every
 * bad path is a problem answer with its code, and writes nothing.
 */
describe('POST /entitlements/:entitlementId/pickup-application', () => {
  // 10:00 in Shanghai on 10 March 2026: today is 2026-03-10 there.
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  const holder: Person = { sub: 'depositor-1', roles: ['depositor'], partyId: 'P-0001' };
  const stranger: Person = { sub: 'depositor-9', roles: ['depositor'], partyId: 'P-0009' };
  const clerk: Person = { sub: 'clerk-1', roles: ['clerk'] };
  let app: OrderTestApp;

  const grant = (entitlementId: string) =>
    app.store.transaction((tx) =>
      decideEntitlementIn(
        tx,
        {
          type: 'RecordEntitlement',
          data: {
            entitlementId,
            receiptNumber: entitlementId.replace('ENT-', ''),
            warehouse: 'WH-SH-01',
            holderStorageCard: 'SC-0001',
            holderParty: 'P-0001',
            commodity: 'rebar',
            lots: [
              { lotId: `${entitlementId}-lot-1`, pieces: 12, netKg: 30_120 },
              { lotId: `${entitlementId}-lot-2`, pieces: 12, netKg: 29_880 },
            ],
            totalKg: 60_000,
            purpose: 'pickup',
            grantedAt: '2026-03-09T02:00:00Z',
          },
        },
        { actor: { subject: 'service:order', role: 'service' }, correlationId: entitlementId },
      ),
    );
  const applyAs = (person: Person, entitlementId: string, body: unknown = application, headers: Record<string, string> = {}) =>
    app.as(person, 'POST', `/entitlements/${entitlementId}/pickup-application`, body, headers);
  const orderVersion = (orderId: string) => app.store.streamVersion(`work-order-${orderId}`);

  beforeAll(async () => {
    app = await OrderTestApp.start('pickup', clock);
    await app.recordApprovedCard();
    await grant('ENT-WR-1');
    await grant('ENT-WR-2');
  });
  afterAll(() => app?.close());

  it('opens the outbound order from the holder’s application; the holder sees it with the application', async () => {
    const answer = await applyAs(holder, 'ENT-WR-1');
    expect([answer.status, answer.body]).toEqual([201, { entitlementId: 'ENT-WR-1', orderId: 'out-ENT-WR-1', status: 'open', version: 2 }]);
    expect(answer.headers.get('etag')).toBe('"2"');
    const order = await app.as(holder, 'GET', '/work-orders/out-ENT-WR-1');
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({
      type: 'outbound',
      status: 'open',
      owner: 'SC-0001',
      ownerParty: 'P-0001',
      entitlement: { entitlementId: 'ENT-WR-1', receiptNumber: 'WR-1' },
      pickup: {
        appliedBy: 'depositor-1',
        application: {
          quantityKg: 60_000,
          pickupDate: '2026-03-16',
          method: 'self_collect',
          dailyPlan: [
            { date: '2026-03-16', kg: 35_000 },
            { date: '2026-03-17', kg: 25_000 },
          ],
          collector: { residentId: '11010519491231002X' },
          vehicles: ['沪A12345', '苏ED12345'],
        },
      },
    });
  });

  it('refuses a replay without a key (409 PICKUP_ALREADY_APPLIED), and replays the first answer for the same Idempotency-Key', async () => {
    const again = await applyAs(holder, 'ENT-WR-1');
    expect([again.status, again.body.code, again.body.details.orderId]).toEqual([409, 'PICKUP_ALREADY_APPLIED', 'out-ENT-WR-1']);
    const first = await applyAs(holder, 'ENT-WR-2', application, { 'idempotency-key': 'pickup-ent-wr-2' });
    const replayed = await applyAs(holder, 'ENT-WR-2', application, { 'idempotency-key': 'pickup-ent-wr-2' });
    expect([first.status, replayed.status, replayed.body]).toEqual([201, 201, first.body]);
    expect(await orderVersion('out-ENT-WR-2')).toBe(2);
  });

  it('answers another depositor as for a missing entitlement (404), and refuses staff (403)', async () => {
    await grant('ENT-WR-3');
    const foreign = await applyAs(stranger, 'ENT-WR-3');
    const missing = await applyAs(holder, 'ENT-WR-404');
    expect([foreign.status, foreign.body.code]).toEqual([404, 'ENTITLEMENT_NOT_FOUND']);
    expect([missing.status, missing.body.code]).toEqual([404, 'ENTITLEMENT_NOT_FOUND']);
    expect((await applyAs(clerk, 'ENT-WR-3')).status).toBe(403);
    expect(await orderVersion('out-ENT-WR-3')).toBe(0);
  });

  it.each([
    ['a bad ID number', { collector: { ...application.collector, residentId: '110105194912310021' } }, 422, 'RESIDENT_ID_INVALID', 'collector.residentId'],
    ['a plan not summing to the quantity', { dailyPlan: [{ date: '2026-03-16', kg: 59_999 }] }, 422, 'PICKUP_PLAN_SUM_MISMATCH', 'dailyPlan'],
    ['a date in the past', { pickupDate: '2026-03-09', dailyPlan: [{ date: '2026-03-09', kg: 60_000 }] }, 422, 'PICKUP_DATE_PAST', 'pickupDate'],
    ['a plan day outside the period', { dailyPlan: [{ date: '2026-03-20', kg: 60_000 }] }, 422, 'PICKUP_PLAN_OUTSIDE_PERIOD', 'dailyPlan[0].date'],
    ['an unknown field', { discount: 5 }, 400, 'VALIDATION_FAILED', undefined],
    ['a fractional kg', { quantityKg: 1.5 }, 400, 'VALIDATION_FAILED', undefined],
    ['an unknown method', { method: 'courier' }, 400, 'VALIDATION_FAILED', undefined],
  ])('refuses %s, writing nothing', async (_case, change, status, code, field) => {
    await grant('ENT-WR-3');
    const refused = await applyAs(holder, 'ENT-WR-3', { ...application, ...change });
    expect([refused.status, refused.body.code]).toEqual([status, code]);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    if (field) expect(refused.body.field).toBe(field);
    expect(await orderVersion('out-ENT-WR-3')).toBe(0);
  });

  it('refuses a malformed body with 400 MALFORMED_JSON', async () => {
    const refused = await applyAs(holder, 'ENT-WR-3', '{"pickupDate": "2026-03-16",');
    expect([refused.status, refused.body.code]).toEqual([400, 'MALFORMED_JSON']);
  });
});
