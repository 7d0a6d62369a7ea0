import type { Database } from '@dw/event-store';
import { runEntryPoint, waitFor } from '@dw/testing';
import { expectStatus, receiveInboundLot, staffOf, untilInventoryExpects } from './fixtures/inbound-receiving';
import { INVENTORY_MAIN, ORDER_MAIN, startOrderAndInventory, type RunningServices } from './fixtures/order-inventory-services';
import { adminDatabase, diffWithSnapshots, readModelTablesIn, snapshotReadModels, tablesOf, untilProjectionsCaughtUp, type ReadModels } from './fixtures/read-model-snapshots';

/** The read models of each service, by projection (services/<name>/README.md lists the same). */
const ORDER_READ_MODELS: ReadModels = {
  projections: { work_orders: ['work_orders', 'work_order_steps'], workflow_versions: ['workflow_versions'], integration_refusals: ['integration_refusals'] },
};
const INVENTORY_READ_MODELS: ReadModels = {
  projections: {
    stock: ['storage_cards', 'lots', 'stock_pieces', 'stock_lots', 'stock_movements'],
    locations: ['locations'],
    commodities: ['commodities', 'commodity_aliases'],
    operation_refusals: ['operation_refusals'],
    stocktakes: ['stocktakes', 'stocktake_variances'],
  },
};

/**
 * Issue 3 acceptance: `rebuild` of each service from its own log gives read models equal to the
 * live ones, after an inbound flow and a stocktake with variances. The services keep running
 * while the rebuild replays into fresh tables and switches over (blue/green).
 */
let services: RunningServices;
let staff: ReturnType<typeof staffOf>;
let orderDb: Database;
let inventoryDb: Database;
const WAREHOUSE = 'WH-SH-01';
const CARD = 'SC-0001';
let lotId: string;
let stocktakeOrderId: string;
let stocktakeId: string;

beforeAll(async () => {
  services = await startOrderAndInventory('rb');
  staff = staffOf(services);
  orderDb = adminDatabase(services.schemas.order);
  inventoryDb = adminDatabase(services.schemas.inventory);
});

afterAll(async () => {
  await orderDb?.pool.end();
  await inventoryDb?.pool.end();
  await services?.stop();
});

describe('rebuild equals live, after an inbound flow and a stocktake with variances', () => {
  it('receives a lot of three bundles: B1 and B2 in S1, B3 in S2', async () => {
    expectStatus(await staff.manager.post('/commodities', { code: 'rb-400e-20-sg', product: '螺纹钢', specification: 'HRB400E Φ20', brand: '沙钢' }), 201, 'register');
    for (const slot of ['S1', 'S2']) {
      expectStatus(
        await staff.manager.post('/locations', { locationId: slot, warehouse: WAREHOUSE, area: { kind: 'yard', name: 'YARD1' }, row: 'R01', slot, capacityKg: 100_000 }),
        201,
        `define ${slot}`,
      );
    }
    ({ lotId } = await receiveInboundLot(services, {
      warehouse: WAREHOUSE,
      storageCard: CARD,
      party: 'P-A',
      commodity: 'rb-400e-20-sg',
      pieces: { B1: 2_000, B2: 2_000, B3: 2_000 },
      placement: { B1: 'S1', B2: 'S1', B3: 'S2' },
    }));
    await waitFor(async () => (await staff.inventoryDesk.get(`/stock?lot=${lotId}`)).body.items?.[0]);
  });

  it('counts under a stocktake order and finds four variances', async () => {
    const drafted = await staff.desk.post('/work-orders', { type: 'stocktake', warehouse: WAREHOUSE, owner: CARD, ownerParty: 'P-A', commodity: 'rb-400e-20-sg' });
    expectStatus(drafted, 201, 'draft the stocktake order');
    stocktakeOrderId = drafted.body.orderId;
    expectStatus(await staff.desk.post(`/work-orders/${stocktakeOrderId}/open`), 200, 'open');
    expectStatus(await staff.desk.post(`/work-orders/${stocktakeOrderId}/steps`, { step: 'plan' }), 201, 'plan');
    await untilInventoryExpects(staff.inventoryDesk, stocktakeOrderId, 'count');

    const started = await staff.operator.post('/stocktakes', { orderId: stocktakeOrderId, locationIds: ['S1', 'S2'] });
    expect(started).toMatchObject({ status: 201, body: { bookPieces: 3 } });
    stocktakeId = started.body.stocktakeId;
    // B1 where the book says, at its book weight; B3 found in S1 instead of S2 and weighing 1,950 kg
    // (50 kg short: beyond the default ±30 bp of 2,000 kg = ±6 kg); B2 not found; X9 not in the book.
    for (const count of [
      { barcode: 'B1', locationId: 'S1', weighedKg: 2_000 },
      { barcode: 'B3', locationId: 'S1', weighedKg: 1_950 },
      { barcode: 'X9', locationId: 'S2' },
    ]) {
      expectStatus(await staff.operator.post(`/stocktakes/${stocktakeId}/counts`, count), 201, `count ${count.barcode}`);
    }
    expectStatus(await staff.operator.post(`/stocktakes/${stocktakeId}/count/finish`), 200, 'finish the count');
    const found = await waitFor(async () => {
      const answer = await staff.inventoryDesk.get(`/stocktakes/${stocktakeId}`);
      return answer.body.varianceList?.length === 4 ? answer.body.varianceList : undefined;
    });
    expect(found.map((v: { varianceId: string; delta: unknown }) => [v.varianceId, v.delta])).toEqual([
      ['misplaced_piece:B3', { pieces: 0, kg: 0 }],
      ['missing_piece:B2', { pieces: -1, kg: -2_000 }],
      ['unexpected_piece:X9', { pieces: 0, kg: 0 }],
      ['weight_variance:B3', { pieces: 0, kg: -50 }],
    ]);
  });

  it('refuses to close before every variance is explained, then explains them and corrects the book', async () => {
    await untilInventoryExpects(staff.inventoryDesk, stocktakeOrderId, 'reconcile');
    const early = await staff.operator.post(`/stocktakes/${stocktakeId}/close`);
    expect(early).toMatchObject({ status: 409, body: { code: 'VARIANCES_UNEXPLAINED' } });
    for (const varianceId of ['missing_piece:B2', 'misplaced_piece:B3', 'weight_variance:B3', 'unexpected_piece:X9']) {
      expectStatus(
        await staff.operator.post(`/stocktakes/${stocktakeId}/variances/${encodeURIComponent(varianceId)}/explanations`, { explanation: `checked on the floor: ${varianceId}` }),
        201,
        `explain ${varianceId}`,
      );
    }
    expectStatus(await staff.operator.post(`/stocktakes/${stocktakeId}/close`), 200, 'close');
    await untilInventoryExpects(staff.inventoryDesk, stocktakeOrderId, 'confirm');
    expectStatus(await staff.desk.post(`/work-orders/${stocktakeOrderId}/steps`, { step: 'confirm' }), 201, 'confirm');
    expectStatus(await staff.desk.post(`/work-orders/${stocktakeOrderId}/complete`), 200, 'complete');
    // Book: 3 pieces / 6,000 kg received; B2 missing (−1 piece, −2,000 kg); B3 50 kg light (−50 kg) → 2 pieces, 3,950 kg.
    const stock = await waitFor(async () => {
      const item = (await staff.inventoryDesk.get(`/stock?lot=${lotId}`)).body.items?.[0];
      return item?.onHand.pieces === 2 ? item : undefined;
    });
    expect(stock.onHand).toEqual({ pieces: 2, kg: 3_950 });
    const movements = (await staff.inventoryDesk.get(`/stock/movements?lot=${lotId}&limit=50`)).body.items.map((m: { kind: string; pieces: number; kg: number }) => [m.kind, m.pieces, m.kg]);
    expect(movements).toEqual(expect.arrayContaining([['stocktake_variance', -1, -2_000], ['stocktake_variance', 0, -50], ['removed', -1, -2_000]]));
    const order = (await staff.desk.get(`/work-orders/${stocktakeOrderId}`)).body;
    expect(order.history.map((h: { step: string }) => h.step)).toEqual(['plan', 'count', 'reconcile', 'confirm']);
  });

  it.each([
    ['order', ORDER_MAIN, () => orderDb, ORDER_READ_MODELS, 'work_order_steps'],
    ['inventory', INVENTORY_MAIN, () => inventoryDb, INVENTORY_READ_MODELS, 'stock_movements'],
  ] as const)('rebuilds the %s service from its own log into read models equal to the live ones', async (service, main, db, models, busiest) => {
    expect(await readModelTablesIn(db(), services.schemas[service])).toEqual([...tablesOf(models)].sort());
    await untilProjectionsCaughtUp(db(), models);
    await snapshotReadModels(db(), models);
    const output = await runEntryPoint(main, ['rebuild'], services.env[service]);
    for (const projection of Object.keys(models.projections)) expect(output).toContain(`rebuilt ${projection} from`);
    const diffs = await diffWithSnapshots(db(), models);
    for (const [table, diff] of Object.entries(diffs)) {
      expect({ table, onlyInLive: diff.onlyInB, onlyInRebuilt: diff.onlyInA }).toEqual({ table, onlyInLive: 0, onlyInRebuilt: 0 });
      expect(diff.countA).toBe(diff.countB);
    }
    // The flow above left rows in the tables that matter: an equal pair of empty tables would prove nothing.
    expect(diffs[busiest]!.countB).toBeGreaterThan(5);
  });
});
