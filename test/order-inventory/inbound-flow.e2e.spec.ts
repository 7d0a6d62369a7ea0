import { shanghaiDateOf } from '@dw/kernel';
import { fromBinary } from '@bufbuild/protobuf';
import { LotBecameAvailableSchema, fromWeight } from '@dw/contracts';
import { signRequest } from '@dw/platform';
import { testMessageBus, TopicRecorder, waitFor } from '@dw/testing';
import { httpClient, postScaleReading, publishCardApproval, SCALE, startOrderAndInventory, type RunningServices } from './fixtures/order-inventory-services';
import { untilOrderDeskKnowsCard } from './fixtures/inbound-receiving';

/**
 * Receiving, end to end: the order and inventory services as two processes, HTTP in,
 * Kafka between them, real PostgreSQL. An inbound notice goes through the standard workflow
 * (notice → arrival → unload_tally → weigh → inspect → put_away → confirm); every refusal the
 * issue names is tried at the point of the flow where it would happen, and shown to change
 * nothing while ops get an OperationRefused record of it.
 */
let services: RunningServices;
let desk: ReturnType<typeof httpClient>; // the order desk, on the order service
let floorDesk: ReturnType<typeof httpClient>; // the same clerk, on the inventory service
let operator: ReturnType<typeof httpClient>;
let manager: ReturnType<typeof httpClient>;
let depositorA: ReturnType<typeof httpClient>;
let depositorB: ReturnType<typeof httpClient>;
let lots: TopicRecorder;
const bus = testMessageBus();

const WAREHOUSE = 'WH-SH-01';
const CARD_A = 'SC-0001';
let orderId: string;
let lotId: string;
let commodityCode: string;

beforeAll(async () => {
  services = await startOrderAndInventory('oi');
  const clerkToken = services.token('desk-clerk-7', ['clerk']);
  desk = httpClient(services.order.baseUrl, clerkToken);
  floorDesk = httpClient(services.inventory.baseUrl, clerkToken);
  operator = httpClient(services.inventory.baseUrl, services.token('operator-12', ['operator']));
  manager = httpClient(services.inventory.baseUrl, services.token('manager-1', ['manager']));
  depositorA = httpClient(services.inventory.baseUrl, services.token('trader-a', ['depositor'], 'P-A'));
  depositorB = httpClient(services.inventory.baseUrl, services.token('trader-b', ['depositor'], 'P-B'));
  lots = await new TopicRecorder(bus, [`${services.prefix}.inventory.lot.v1`]).start();
  // The receipt service approved the depositor's card (published here in its place).
  await publishCardApproval(services.prefix, CARD_A, 'P-A');
  await untilOrderDeskKnowsCard(desk, CARD_A);
});

afterAll(async () => {
  await lots?.stop();
  await services?.stop();
});

/** What inventory knows of the order: the step the floor may work on next. */
const inventoryNext = (id: string) =>
  waitFor(async () => {
    const answer = await floorDesk.get(`/authorising-orders/${id}`);
    return answer.status === 200 ? (answer.body.next?.expected as string | null) : undefined;
  });
const waitForNext = (id: string, step: string | null) =>
  waitFor(async () => ((await floorDesk.get(`/authorising-orders/${id}`)).body?.next?.expected === step ? true : undefined), {
    describe: `inventory to expect ${step} under ${id}`,
  });
const refusalsOf = async (code: string) => (await manager.get(`/operation-refusals?code=${code}&limit=200`)).body.items as Array<Record<string, unknown>>;
const lotView = async () => (await floorDesk.get(`/lots/${lotId}`)).body;

describe('an inbound notice through the full workflow, order and inventory over Kafka', () => {
  it('sets up master data: a standard commodity, a client alias, and locations', async () => {
    const registered = await manager.post('/commodities', { code: 'rb-400e-20-sg', product: '螺纹钢', specification: 'HRB400E Φ20', brand: '沙钢' });
    expect(registered).toMatchObject({ status: 201, body: { code: 'rb-400e-20-sg', standardName: '螺纹钢 HRB400E Φ20 沙钢' } });
    // ±30 bp from today: the tolerance a lot of it is opened with (rule INV-TOLERANCE-VERSIONS)
    const tolerance = await manager.post('/commodities/rb-400e-20-sg/weight-tolerances', { effectiveFrom: shanghaiDateOf(new Date()), toleranceBps: 30 });
    expect(tolerance).toMatchObject({ status: 201, body: { versions: [{ version: 1, toleranceBps: 30 }] } });
    expect((await manager.post('/commodities', { code: 'rb-400e-25-sg', product: '螺纹钢', specification: 'HRB400E Φ25', brand: '沙钢' })).status).toBe(201);
    expect((await manager.post('/commodities', { code: 'wr-300-6.5-sg', product: '线材', specification: 'HPB300 Φ6.5', brand: '沙钢' })).status).toBe(201);
    expect((await floorDesk.post('/commodities/aliases', { client: CARD_A, alias: '沙钢螺纹20', code: 'rb-400e-20-sg' })).status).toBe(201);
    // The main slot takes the whole lot; the rack slot takes one bundle only.
    expect(
      (
        await manager.post('/locations', {
          locationId: 'SHED1-R01-S01',
          warehouse: WAREHOUSE,
          area: { kind: 'shed', name: 'SHED1' },
          row: 'R01',
          slot: 'S01',
          capacityKg: 60_000,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await manager.post('/locations', {
          locationId: 'SHED1-R02-S01',
          warehouse: WAREHOUSE,
          area: { kind: 'shed', name: 'SHED1' },
          row: 'R02',
          slot: 'S01',
          capacityPieces: 1,
        })
      ).status,
    ).toBe(201);
  });

  it("resolves the depositor's name for the goods to the standard commodity through its alias table", async () => {
    const resolved = await floorDesk.post('/commodities/resolutions', { client: CARD_A, name: ' 沙钢螺纹20 ' });
    expect(resolved).toMatchObject({ status: 200, body: { code: 'rb-400e-20-sg', standardName: '螺纹钢 HRB400E Φ20 沙钢' } });
    commodityCode = resolved.body.code;
  });

  it('refuses an unknown commodity name with UNKNOWN_COMMODITY_NAME and the closest standard names', async () => {
    // '螺纹钢HRB400EΦ22沙钢' differs from the Φ20 and Φ25 names by one character each (Levenshtein 1 after
    // dropping spaces), and from the wire rod by far more; ties are ordered by the normalised name.
    const refused = await floorDesk.post('/commodities/resolutions', { client: CARD_A, name: '螺纹钢 HRB400E Φ22 沙钢' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'UNKNOWN_COMMODITY_NAME',
      field: 'name',
      details: { closest: ['螺纹钢 HRB400E Φ20 沙钢', '螺纹钢 HRB400E Φ25 沙钢', '线材 HPB300 Φ6.5 沙钢'] },
    });
  });

  it('opens the inbound order from the notice, pinned to the standard inbound workflow', async () => {
    const drafted = await desk.post('/inbound-orders', {
      warehouse: WAREHOUSE,
      ownerParty: 'P-A',
      notice: {
        commodity: commodityCode,
        brand: '沙钢',
        specification: 'HRB400E Φ20',
        expectedPieces: 3,
        expectedKg: 6_000,
        arrivalMode: 'truck',
        arrivalWindow: { from: '2025-03-04T00:00:00+08:00', to: '2025-03-05T00:00:00+08:00' },
        storageCard: CARD_A,
      },
    });
    expect(drafted).toMatchObject({ status: 201, body: { status: 'draft', version: 1 } });
    orderId = drafted.body.orderId;
    lotId = `lot-${orderId}`;
    const opened = await desk.post(`/work-orders/${orderId}/open`);
    expect(opened).toMatchObject({ status: 200, body: { status: 'open', workflow: { workflowId: 'inbound/*/*', version: 1 } } });
    expect(await inventoryNext(orderId)).toBe('notice');
  });

  it('refuses a scan under no open order (NO_AUTHORISING_ORDER), writes nothing, and records it for ops', async () => {
    const refused = await operator.post('/inbound-orders/no-such-order/scans', { barcode: 'X-1', kind: 'bundle', productionDate: '2025-02-20' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'NO_AUTHORISING_ORDER', details: { reason: 'no_order', operation: 'receive' } });
    expect((await floorDesk.get('/lots/lot-no-such-order')).body).toMatchObject({ code: 'LOT_NOT_FOUND' });
    const recorded = await waitFor(async () => (await refusalsOf('NO_AUTHORISING_ORDER')).find((r) => r.orderId === 'no-such-order'));
    expect(recorded).toMatchObject({ operation: 'receive', subject: 'X-1', actor: 'operator-12' });
  });

  it('refuses a scan before the desk recorded the notice and arrival (STEP_OUT_OF_ORDER), naming the expected step', async () => {
    const refused = await operator.post(`/inbound-orders/${orderId}/scans`, { barcode: 'B1', kind: 'bundle', productionDate: '2025-02-20' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'STEP_OUT_OF_ORDER', details: { orderId, step: 'unload_tally', expected: 'notice' } });
    expect((await floorDesk.get(`/lots/${lotId}`)).status).toBe(404);
    await waitFor(async () => (await refusalsOf('STEP_OUT_OF_ORDER')).find((r) => r.orderId === orderId));
    // The order desk is held to the same order of steps.
    const early = await desk.post(`/work-orders/${orderId}/steps`, { step: 'confirm' });
    expect(early).toMatchObject({ status: 409, body: { code: 'STEP_OUT_OF_ORDER', details: { expected: 'notice' } } });
  });

  it('records the desk steps, then the floor scans the pieces once inventory knows the goods arrived', async () => {
    expect((await desk.post(`/work-orders/${orderId}/steps`, { step: 'notice' })).status).toBe(201);
    expect((await desk.post(`/work-orders/${orderId}/steps`, { step: 'arrival' })).status).toBe(201);
    await waitForNext(orderId, 'unload_tally');
    for (const [barcode, productionDate] of [
      ['B1', '2025-02-20'],
      ['B2', '2025-02-21'],
      ['B3', '2025-02-21'],
    ]) {
      const scanned = await operator.post(`/inbound-orders/${orderId}/scans`, { barcode, kind: 'bundle', productionDate });
      expect(scanned).toMatchObject({ status: 201, body: { lotId } });
    }
    expect(await lotView()).toMatchObject({ status: 'receiving', owner: CARD_A, pieces: 3, expected: { pieces: 3, kg: 6_000 } });
  });

  it('refuses a second use of a barcode (DUPLICATE_BARCODE) and the lot keeps three pieces', async () => {
    const refused = await operator.post(`/inbound-orders/${orderId}/scans`, { barcode: 'B2', kind: 'bundle', productionDate: '2025-02-21' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'DUPLICATE_BARCODE', details: { barcode: 'B2', lotId } } });
    expect((await lotView()).pieces).toBe(3);
    await waitFor(async () => (await refusalsOf('DUPLICATE_BARCODE')).find((r) => r.subject === 'B2'));
  });

  it('closes the tally; the order records unload_tally by the operator', async () => {
    expect((await operator.post(`/lots/${lotId}/tally/finish`)).status).toBe(200);
    await waitForNext(orderId, 'weigh');
  });

  it('refuses a hand-typed weight where the workflow requires a scale reading (SCALE_READING_REQUIRED)', async () => {
    const typed = await operator.post(`/lots/${lotId}/manual-weighings`, {
      readingId: 'typed-1',
      subject: { kind: 'piece', barcode: 'B1' },
      grossKg: 2_050,
      tareKg: 50,
      weighedAt: '2025-03-04T02:55:00Z',
    });
    expect(typed).toMatchObject({ status: 422, body: { code: 'SCALE_READING_REQUIRED', details: { reason: 'hand_typed' } } });
    expect((await lotView()).readingIds).toEqual([]);
  });

  const reading = (barcode: string, grossKg: number) => ({
    lotId: '',
    readingId: `r-${barcode}`,
    subject: { kind: 'piece', barcode },
    grossKg,
    tareKg: 50,
    weighedAt: '2025-03-04T02:55:00Z',
  });

  it('refuses unsigned and wrongly signed scale readings before reading them, and records nothing', async () => {
    const body = { ...reading('B1', 2_050), lotId };
    const unsigned = await postScaleReading(services.inventory.baseUrl, body, { headers: () => ({}) });
    expect(unsigned).toMatchObject({ status: 401, body: { code: 'SIGNATURE_MISSING' } });
    const wrongKey = await postScaleReading(services.inventory.baseUrl, body, {
      headers: (signed) => ({ ...signed, 'X-Signature': signed['X-Signature']!.replace(/^./, (c) => (c === '0' ? '1' : '0')) }),
    });
    expect(wrongKey).toMatchObject({ status: 401, body: { code: 'SIGNATURE_INVALID' } });
    // A signature over another body (the weight changed in transit) does not match this body.
    const tampered = await postScaleReading(
      services.inventory.baseUrl,
      { ...body, grossKg: 9_050 },
      {
        headers: () => postScaleReadingHeaders(body),
      },
    );
    expect(tampered).toMatchObject({ status: 401, body: { code: 'SIGNATURE_INVALID' } });
    expect((await lotView()).readingIds).toEqual([]);
  });

  it('weighs each bundle by a signed scale reading; gross 2,050 − tare 50 = 2,000 kg each, 6,000 kg in all', async () => {
    for (const barcode of ['B1', 'B2', 'B3']) {
      const key = `key-${barcode}`;
      const answer = await postScaleReading(services.inventory.baseUrl, { ...reading(barcode, 2_050), lotId }, { idempotencyKey: key });
      expect(answer.status).toBe(201);
    }
    // The scale retrying with the same Idempotency-Key and body gets the first answer, not a second reading.
    const retried = await postScaleReading(services.inventory.baseUrl, { ...reading('B1', 2_050), lotId }, { idempotencyKey: 'key-B1' });
    expect(retried.status).toBe(201);
    expect((await lotView()).readingIds).toEqual(['r-B1', 'r-B2', 'r-B3']);
    expect((await operator.post(`/lots/${lotId}/weighing/finish`)).status).toBe(200);
    // 6,000 kg against 6,000 kg expected: within the ±30 bp tolerance (18 kg), no alarm.
    expect((await lotView()).weighed).toEqual({ netKg: 6_000, withinTolerance: true });
    await waitForNext(orderId, 'inspect');
  });

  it('refuses a put-away before the inspection step (STEP_OUT_OF_ORDER)', async () => {
    const early = await operator.post(`/lots/${lotId}/put-aways`, { locationId: 'SHED1-R01-S01', barcodes: ['B1'] });
    expect(early).toMatchObject({ status: 409, body: { code: 'STEP_OUT_OF_ORDER', details: { step: 'put_away', expected: 'inspect' } } });
  });

  it('records the inspection; the order records inspect with the report', async () => {
    expect((await operator.post(`/lots/${lotId}/inspections`, { reportRef: 'CIQ-2025-0042', result: 'passed' })).status).toBe(201);
    await waitForNext(orderId, 'put_away');
  });

  it('refuses a put-away beyond the location capacity (LOCATION_CAPACITY_EXCEEDED) and places nothing', async () => {
    // The rack slot holds 1 piece: 0 used + 2 asked = 2 > 1.
    const refused = await operator.post(`/lots/${lotId}/put-aways`, { locationId: 'SHED1-R02-S01', barcodes: ['B1', 'B2'] });
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'LOCATION_CAPACITY_EXCEEDED', details: { locationId: 'SHED1-R02-S01', unit: 'pieces', capacity: 1, used: 0, asked: 2 } },
    });
    const pieces = (await floorDesk.get(`/lots/${lotId}/tally-sheet`)).body.lines as Array<{ locationId: string | null }>;
    expect(pieces.every((line) => line.locationId === null)).toBe(true);
    await waitFor(async () => (await refusalsOf('LOCATION_CAPACITY_EXCEEDED')).find((r) => r.orderId === orderId));
  });

  it('puts the bundles away; with the last one placed the order records put_away', async () => {
    expect((await operator.post(`/lots/${lotId}/put-aways`, { locationId: 'SHED1-R01-S01', barcodes: ['B1', 'B2'] })).body).toMatchObject({
      placed: 2,
      unplaced: 1,
    });
    expect((await operator.post(`/lots/${lotId}/put-aways`, { locationId: 'SHED1-R02-S01', barcodes: ['B3'] })).body).toMatchObject({ placed: 1, unplaced: 0 });
    await waitForNext(orderId, 'confirm');
  });

  it('completes the order at the desk; the lot becomes available with the right weight and owner', async () => {
    expect((await desk.post(`/work-orders/${orderId}/steps`, { step: 'confirm' })).status).toBe(201);
    expect(await desk.post(`/work-orders/${orderId}/complete`)).toMatchObject({ status: 200, body: { status: 'completed' } });
    const stock = await waitFor(
      async () => {
        const answer = await floorDesk.get(`/stock?lot=${lotId}`);
        return answer.body.items?.[0];
      },
      { describe: 'the lot in stock' },
    );
    expect(stock).toMatchObject({ lotId, owner: CARD_A, commodity: 'rb-400e-20-sg', onHand: { pieces: 3, kg: 6_000 }, available: { pieces: 3, kg: 6_000 } });
    expect((await lotView()).status).toBe('available');

    const published = await waitFor(() => lots.messages.find((m) => m.headers.ce_type === LotBecameAvailableSchema.typeName && m.headers.ce_subject === lotId));
    const available = fromBinary(LotBecameAvailableSchema, published.value!);
    expect(available).toMatchObject({ lotId, orderId, warehouse: WAREHOUSE, ownerStorageCard: CARD_A, pieces: 3, inspectionReportRef: 'CIQ-2025-0042' });
    expect(fromWeight(available.net!)).toBe(6_000);
    expect(available.productionDates.map((d) => d.value)).toEqual(['2025-02-20', '2025-02-21']);
    expect(available.locations.map((l) => [l.locationId, l.pieces, fromWeight(l.net!)])).toEqual([
      ['SHED1-R01-S01', 2, 4_000],
      ['SHED1-R02-S01', 1, 2_000],
    ]);
  });

  it("keeps every step in the order's history, with who did it and when", async () => {
    const order = (await desk.get(`/work-orders/${orderId}`)).body;
    expect(order.status).toBe('completed');
    expect(order.history.map((h: { step: string; actor: string }) => [h.step, h.actor])).toEqual([
      ['notice', 'desk-clerk-7'],
      ['arrival', 'desk-clerk-7'],
      ['unload_tally', 'operator-12'],
      ['weigh', 'operator-12'],
      ['inspect', 'operator-12'],
      ['put_away', 'operator-12'],
      ['confirm', 'desk-clerk-7'],
    ]);
    expect(order.history.find((h: { step: string }) => h.step === 'weigh').evidence).toEqual({ kind: 'scale_reading', refs: ['r-B1', 'r-B2', 'r-B3'] });
    expect(order.history.find((h: { step: string }) => h.step === 'inspect').evidence).toEqual({ kind: 'inspection_report', refs: ['CIQ-2025-0042'] });
    expect(order.history.every((h: { at: string }) => !Number.isNaN(Date.parse(h.at)))).toBe(true);
    expect(order.refusedReports).toEqual([]);
  });

  it("shows a depositor its own stock; another depositor's answers as an unknown card or lot (404)", async () => {
    const own = await waitFor(async () => {
      const answer = await depositorA.get('/stock');
      return answer.body.items?.length === 1 ? answer.body : undefined;
    });
    expect(own.items[0]).toMatchObject({ lotId, owner: CARD_A });
    expect((await depositorA.get(`/lots/${lotId}/tally-sheet`)).body).toMatchObject({ lotId, totals: { pieces: 3, weighedPieces: 3, netKg: 6_000 } });
    expect((await depositorA.get(`/stock/movements?owner=${CARD_A}`)).body.items.map((m: { kind: string }) => m.kind)).toEqual([
      'put_away',
      'put_away',
      'received',
    ]);

    expect(await depositorB.get(`/stock?owner=${CARD_A}`)).toMatchObject({
      status: 404,
      body: { code: 'CARD_NOT_FOUND', detail: `no storage card ${CARD_A}` },
    });
    expect(await depositorB.get(`/lots/${lotId}/tally-sheet`)).toMatchObject({ status: 404, body: { code: 'LOT_NOT_FOUND', detail: `no lot ${lotId}` } });
    expect(await depositorB.get(`/stock/pieces?owner=${CARD_A}`)).toMatchObject({ status: 404, body: { code: 'CARD_NOT_FOUND' } });
    // Without naming a card, a depositor's lists hold only its own cards: nothing for B.
    expect((await depositorB.get('/stock')).body.items).toEqual([]);
    expect((await depositorB.get('/stock/movements')).body.items).toEqual([]);
  });

  it('chooses workflows as data: a workflow published for wire rod by rail is pinned by the next such order only', async () => {
    const managerAtDesk = httpClient(services.order.baseUrl, services.token('manager-1', ['manager']));
    const steps = ['notice', 'arrival', 'unload_tally', 'weigh', 'put_away', 'inspect', 'confirm'].map((code) => ({
      code,
      name: code,
      check: code === 'weigh' ? 'scale_reading' : code === 'inspect' ? 'inspection_report' : 'none',
      required: true,
      movesGoods: code === 'unload_tally' || code === 'put_away',
    }));
    const published = await managerAtDesk.post('/workflows', { key: { orderType: 'inbound', commodity: 'wr-300-6.5-sg', arrivalMode: 'rail' }, steps });
    expect(published).toMatchObject({ status: 201, body: { workflowId: 'inbound/wr-300-6.5-sg/rail', version: 1 } });
    const badWorkflow = await managerAtDesk.post('/workflows', {
      key: { orderType: 'inbound', commodity: 'wr-300-6.5-sg', arrivalMode: 'rail' },
      steps: steps.slice(0, -1),
    });
    expect(badWorkflow).toMatchObject({ status: 422, body: { code: 'WORKFLOW_LAST_STEP_NOT_CONFIRM' } });
    const notice = {
      commodity: 'wr-300-6.5-sg',
      brand: '沙钢',
      specification: 'HPB300 Φ6.5',
      expectedPieces: 10,
      expectedKg: 20_000,
      arrivalMode: 'rail',
      arrivalWindow: { from: '2025-03-06T00:00:00+08:00', to: '2025-03-07T00:00:00+08:00' },
      storageCard: CARD_A,
    };
    const drafted = await desk.post('/inbound-orders', { warehouse: WAREHOUSE, ownerParty: 'P-A', notice });
    const opened = await desk.post(`/work-orders/${drafted.body.orderId}/open`);
    expect(opened.body.workflow).toEqual({ workflowId: 'inbound/wr-300-6.5-sg/rail', version: 1 });
    expect((await desk.get(`/work-orders/${orderId}`)).body.workflow).toMatchObject({ workflowId: 'inbound/*/*', version: 1 });
    // The receipt service approved card SC-0001 for party P-A; naming it for another party is
    // refused, and so is a card it never issued.
    const mismatch = await desk.post('/inbound-orders', { warehouse: WAREHOUSE, ownerParty: 'P-B', notice });
    expect(mismatch).toMatchObject({ status: 422, body: { code: 'STORAGE_CARD_PARTY_MISMATCH', field: 'ownerParty' } });
    const neverIssued = await desk.post('/inbound-orders', { warehouse: WAREHOUSE, ownerParty: 'P-A', notice: { ...notice, storageCard: 'SC-NEVER-ISSUED' } });
    expect(neverIssued).toMatchObject({ status: 404, body: { code: 'CARD_NOT_FOUND' } });
  });

  it('filters and paginates the stock lists', async () => {
    const pieces = await floorDesk.get(`/stock/pieces?location=SHED1-R01-S01&limit=1`);
    expect(pieces.body.items.map((p: { barcode: string }) => p.barcode)).toEqual(['B1']);
    const next = await floorDesk.get(`/stock/pieces?location=SHED1-R01-S01&limit=1&cursor=${pieces.body.nextCursor}`);
    expect(next.body).toMatchObject({ items: [{ barcode: 'B2', netKg: 2_000 }], nextCursor: null });
    expect((await floorDesk.get(`/stock?commodity=wr-300-6.5-sg`)).body.items).toEqual([]);
    expect((await floorDesk.get(`/stock?from=2000-01-01&to=2000-01-02`)).body.items).toEqual([]);
    expect(await floorDesk.get(`/stock?from=2025-13-01`)).toMatchObject({ status: 422, body: { code: 'INVALID_DATE', field: 'from' } });
  });
});

/** Headers signed correctly by the scale, but for `body`: the test sends another body under them. */
function postScaleReadingHeaders(body: unknown): Record<string, string> {
  return signRequest({ clientId: SCALE.clientId, secret: SCALE.secret, method: 'POST', path: '/scale-readings', body: JSON.stringify(body) });
}
