import { ManualClock } from '@dw/kernel';
import type { Caller } from '@dw/platform';
import { InventoryTestApp, type Body, type Person } from '../../../testing/inventory-test-app.spec-helper';
import { countRecorded, lotBookedInS1, stocktakeOrderPlanned } from '../../stocktake.int-fixtures.spec-helper';
import { RecordCountScaleReadingCommandHandler } from '../../commands/record-count-scale-reading/record-count-scale-reading.command-handler';

/**
 * What a stocktake's reader sees, over HTTP on real PostgreSQL: GET /stocktakes/:id built from
 * the stocktakes read model, with the status history, and per variance the count of its piece
 * (the signed scale reading behind a counted weight), the counters' explanations and the
 * manager's approval. Every read follows the writes it shows through read-your-writes.
 */
const clock = new ManualClock('2025-03-31T07:00:00Z');
const ORDER = 'wo-st-1';
const LOT = 'lot-wo-in-1';
const counter: Person = { sub: 'counter-5', roles: ['operator'] };
const manager: Person = { sub: 'manager-2', roles: ['manager'] };
const owner: Person = { sub: 'trader-a', roles: ['depositor'], partyId: 'P-A' };
const stranger: Person = { sub: 'trader-b', roles: ['depositor'], partyId: 'P-B' };
const scale: Caller = { principal: { subject: 'SCALE-07', roles: ['device'] }, correlationId: 'int' };

let app: InventoryTestApp;
let stocktakeId: string;

/** Moves the test clock on one minute and answers the new time, so each step of the walk has its own instant. */
const nextMinute = (): string => {
  clock.advanceMs(60_000);
  return clock.now().toISOString();
};

beforeAll(async () => {
  app = await InventoryTestApp.start('stocktakes', clock);
  // A stocktake order of SC-0001 (party P-A), planned: the count is the step next.
  await stocktakeOrderPlanned(app.store, ORDER);
  // Lot lot-wo-in-1 of SC-0001 (30 bp weight tolerance): B1 and B2, 2,000 kg each, in slot S1, booked as 2 pieces / 4,000 kg.
  await lotBookedInS1(app.store, LOT);
});

afterAll(() => app?.close());

describe('GET /stocktakes/:id, the evidence behind each variance', () => {
  it('shows a missing piece written off by a manager and a weight gain backed by a signed scale reading, with who did what and when', async () => {
    const startedAt = nextMinute();
    const started = await app.as(counter, 'POST', '/stocktakes', { orderId: ORDER, locationIds: ['S1'] });
    expect(started).toMatchObject({ status: 201, body: { bookPieces: 2 } });
    stocktakeId = started.body.stocktakeId;

    // B1 found in S1, B2 not found.
    const countedAt = nextMinute();
    expect((await app.as(counter, 'POST', `/stocktakes/${stocktakeId}/counts`, { barcode: 'B1', locationId: 'S1' })).status).toBe(201);
    // Scale SCALE-07 weighs B1 (the signed device route verifies the scale; its handler takes the reading as verified):
    // 2,350 gross − 300 tare = 2,050 kg net.
    nextMinute();
    await app.app
      .get(RecordCountScaleReadingCommandHandler)
      .execute(
        stocktakeId,
        { readingId: 'R-1', subject: { kind: 'piece', barcode: 'B1' }, grossKg: 2_350, tareKg: 300, weighedAt: '2025-03-31T07:02:30Z' },
        scale,
      );
    const finishedAt = nextMinute();
    expect((await app.as(counter, 'POST', `/stocktakes/${stocktakeId}/count/finish`)).status).toBe(200);

    // The order service recorded the count step: reconciling is authorised.
    await countRecorded(app.store, ORDER, finishedAt);
    const explainedAt = nextMinute();
    for (const [varianceId, explanation] of [
      ['missing_piece:B2', 'not in S1 nor the next rows'],
      ['weight_variance:B1', 'label weight was theoretical'],
    ]) {
      const explained = await app.as(counter, 'POST', `/stocktakes/${stocktakeId}/variances/${encodeURIComponent(varianceId!)}/explanations`, { explanation });
      expect(explained.status).toBe(201);
    }
    const approvedAt = nextMinute();
    const approved = await app.as(manager, 'POST', `/stocktakes/${stocktakeId}/variances/${encodeURIComponent('missing_piece:B2')}/approvals`, {
      reason: 'searched rows 1–3 twice; written off',
    });
    expect(approved.status).toBe(201);
    const closedAt = nextMinute();
    expect((await app.as(counter, 'POST', `/stocktakes/${stocktakeId}/close`)).body).toMatchObject({ status: 'closed', variancesApplied: 2 });

    const detail = await app.as(manager, 'GET', `/stocktakes/${stocktakeId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toEqual({
      stocktakeId,
      orderId: ORDER,
      warehouse: 'WH-SH-01',
      owner: 'SC-0001',
      locationIds: ['S1'],
      status: 'closed',
      bookPieces: 2,
      countedPieces: 1,
      variances: 2,
      startedAt,
      closedAt,
      statusHistory: [
        { status: 'counting', by: 'counter-5', at: startedAt },
        { status: 'counted', by: 'counter-5', at: finishedAt },
        { status: 'closed', by: 'counter-5', at: closedAt },
      ],
      varianceList: [
        {
          // B2: booked in S1 at 2,000 kg, not counted: the book loses 1 piece and 2,000 kg, written off by manager-2.
          varianceId: 'missing_piece:B2',
          kind: 'missing_piece',
          reason: 'not_counted',
          barcode: 'B2',
          lotId: LOT,
          owner: 'SC-0001',
          bookLocationId: 'S1',
          countedLocationId: null,
          bookKg: 2_000,
          countedKg: null,
          delta: { pieces: -1, kg: -2_000 },
          count: null,
          explanations: [{ explanation: 'not in S1 nor the next rows', by: 'counter-5', at: explainedAt }],
          approval: { approver: 'manager-2', reason: 'searched rows 1–3 twice; written off', at: approvedAt },
        },
        {
          // B1: 2,050 kg on SCALE-07 against 2,000 booked; 30 bp of 2,000 kg allows 6 kg, so +50 kg is a variance the reading carries.
          varianceId: 'weight_variance:B1',
          kind: 'weight_variance',
          reason: 'weight_outside_tolerance',
          barcode: 'B1',
          lotId: LOT,
          owner: 'SC-0001',
          bookLocationId: 'S1',
          countedLocationId: 'S1',
          bookKg: 2_000,
          countedKg: 2_050,
          delta: { pieces: 0, kg: 50 },
          count: {
            locationId: 'S1',
            weighedKg: 2_050,
            scaleReading: { scaleId: 'SCALE-07', readingId: 'R-1', weighedAt: '2025-03-31T07:02:30.000Z' },
            countedBy: 'counter-5',
            countedAt,
          },
          explanations: [{ explanation: 'label weight was theoretical', by: 'counter-5', at: explainedAt }],
          approval: null,
        },
      ],
    });
  });

  it('shows the stocktake to the depositor whose goods it counted; another depositor’s answers exactly as an unknown stocktake', async () => {
    const own = await app.as(owner, 'GET', `/stocktakes/${stocktakeId}`);
    expect(own.status).toBe(200);
    expect(own.body).toEqual((await app.as(manager, 'GET', `/stocktakes/${stocktakeId}`)).body);
    expect((await app.as(owner, 'GET', '/stocktakes')).body.items.map((item: { stocktakeId: string }) => item.stocktakeId)).toEqual([stocktakeId]);

    const other = await app.as(stranger, 'GET', `/stocktakes/${stocktakeId}`);
    const unknown = await app.as(stranger, 'GET', '/stocktakes/stocktake-nowhere');
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('STOCKTAKE_NOT_FOUND');
    // The same answer but for the id asked about (and the request's own trace id): nothing tells the stranger the stocktake exists.
    const withoutId = (body: Body, id: string) => JSON.stringify({ ...body, traceId: 'trace' }).replaceAll(id, 'ID');
    expect(withoutId(other.body, stocktakeId)).toBe(withoutId(unknown.body, 'stocktake-nowhere'));
    expect((await app.as(stranger, 'GET', '/stocktakes')).body.items).toEqual([]);
  });
});
