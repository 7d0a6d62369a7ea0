import { createHash } from 'node:crypto';
import { fromWeight, LotShippedOutSchema, PiecesShippedOutSchema, WorkOrderStepPerformedSchema } from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { waitFor } from '@dw/testing';
import { COMMODITY, manager, operator, OutboundFloor, type Answer, type Person } from '../outbound-floor.spec-helper';

/**
 * Goods leaving, on real PostgreSQL and real Kafka, through HTTP: the inventory service runs
 * in-process exactly as main.ts builds it, with a clock the test moves from one day to the next.
 * The order service's facts arrive on order.work-order.v1, published here in its place. Two
 * inbound lots are received first; a receipt's entitlement to lot A (3 pieces) is then carried
 * out in two loads on two days, while lot B stays in store.
 */
const clock = new ManualClock('2025-03-10T01:00:00Z');
const holder: Person = { sub: 'trader-a', roles: ['depositor'], partyId: 'P-A' };
const otherDepositor: Person = { sub: 'trader-b', roles: ['depositor'], partyId: 'P-B' };
let floor: OutboundFloor;
const as = (person: Person, method: string, path: string, json?: unknown) => floor.as(person, method, path, json);
const scale = (path: string, json: unknown) => floor.scale(path, json);
const messagesOf: OutboundFloor['messagesOf'] = (schemaOf) => floor.messagesOf(schemaOf);

let lotA: string;
let lotB: string;
const ORDER = 'out-ENT-WR-0001';
/** Day 1's load-out answer and day 2's. */
let day1: Answer;
let day2: Answer;

beforeAll(async () => {
  floor = await OutboundFloor.start('out', clock);
  // Book weights: A1 2,000 kg, A2 2,010 kg, A3 1,990 kg (lot A, 6,000 kg); B1 1,500 kg (lot B).
  lotA = await floor.receiveLot('in-A', { A1: 2_000, A2: 2_010, A3: 1_990 });
  lotB = await floor.receiveLot('in-B', { B1: 1_500 });

  // The receipt over lot A was cancelled for pickup: the order service opened the outbound order with the entitlement.
  await floor.openOutboundOrder(ORDER, { entitlementId: 'ENT-WR-0001', receiptNumber: 'WR-0001', lots: [{ lotId: lotA, pieces: 3, kg: 6_000 }] });
}, 180_000);

afterAll(() => floor?.close());

describe('an entitlement carried out in two loads on two days', () => {
  it('day 1: picks A1 and A2, refuses a piece outside the entitlement and a hand-typed weight, weighs on the signed scale and loads out', async () => {
    clock.set(new Date('2025-03-10T02:00:00Z'));
    expect(await as(operator, 'POST', `/outbound-orders/${ORDER}/picks`, { barcode: 'A1' })).toMatchObject({ status: 201, body: { lotId: lotA, picked: 1 } });
    expect(await as(operator, 'POST', `/outbound-orders/${ORDER}/picks`, { barcode: 'A2' })).toMatchObject({ status: 201, body: { picked: 2 } });
    // B1 is in store and the holder's card's, but lot B is not in the entitlement.
    expect(await as(operator, 'POST', `/outbound-orders/${ORDER}/picks`, { barcode: 'B1' })).toMatchObject({
      status: 409,
      body: { code: 'PIECE_NOT_ENTITLED', details: { barcode: 'B1', lotId: lotB, reason: 'lot_not_entitled' } },
    });
    expect(await as(operator, 'POST', `/outbound-orders/${ORDER}/picks`, { barcode: 'A1' })).toMatchObject({
      status: 409,
      body: { code: 'PIECE_ALREADY_PICKED' },
    });
    const load1 = { readingId: 'out-1', subject: { kind: 'vehicle', vehicle: '沪A12345', barcodes: ['A1', 'A2'] }, weighedAt: '2025-03-10T01:58:00Z' };
    // Typed by hand: refused, the outbound workflow's weigh step demands a scale reading.
    expect(await as(operator, 'POST', `/outbound-orders/${ORDER}/manual-weighings`, { ...load1, grossKg: 19_000, tareKg: 15_000 })).toMatchObject({
      status: 422,
      body: { code: 'SCALE_READING_REQUIRED', details: { reason: 'hand_typed' } },
    });
    // Signed: truck with A1 + A2 19,003 kg, empty 14,990 kg → net 4,013 kg; book 2,000 + 2,010 = 4,010 kg → over +3 kg.
    expect(await scale(`/outbound-orders/${ORDER}/scale-readings`, { ...load1, grossKg: 19_003, tareKg: 14_990 })).toMatchObject({
      status: 201,
      body: { loadNo: 1, pieces: 2, bookKg: 4_010, netKg: 4_013, overShortKg: 3 },
    });
    day1 = await as(operator, 'POST', `/outbound-orders/${ORDER}/load-outs`, {});
    expect(day1).toMatchObject({
      status: 201,
      body: {
        loadNo: 1,
        noteId: `${ORDER}-L1`,
        pieces: 2,
        bookKg: 4_010,
        netKg: 4_013,
        overShortKg: 3,
        finished: false,
        lots: [{ lotId: lotA, lastPieces: false }],
      },
    });
  });

  it('day 2: picks A3, weighs and loads it out; the entitlement is all out', async () => {
    clock.set(new Date('2025-03-11T06:30:00Z'));
    expect(await as(operator, 'POST', `/outbound-orders/${ORDER}/picks`, { barcode: 'A3' })).toMatchObject({ status: 201 });
    // A3 alone: 16,982 − 15,000 = 1,982 kg against its book 1,990 kg → short −8 kg.
    expect(
      await scale(`/outbound-orders/${ORDER}/scale-readings`, {
        readingId: 'out-2',
        subject: { kind: 'vehicle', vehicle: '苏B67890', barcodes: ['A3'] },
        grossKg: 16_982,
        tareKg: 15_000,
        weighedAt: '2025-03-11T06:28:00Z',
      }),
    ).toMatchObject({ status: 201, body: { loadNo: 2, bookKg: 1_990, netKg: 1_982, overShortKg: -8 } });
    day2 = await as(operator, 'POST', `/outbound-orders/${ORDER}/load-outs`, {});
    expect(day2).toMatchObject({ status: 201, body: { loadNo: 2, overShortKg: -8, finished: true, lots: [{ lotId: lotA, lastPieces: true }] } });
    // Nothing more leaves under a finished order.
    expect(await as(operator, 'POST', `/outbound-orders/${ORDER}/picks`, { barcode: 'A1' })).toMatchObject({
      status: 409,
      body: { code: 'OUTBOUND_FINISHED' },
    });
  });

  it('publishes PiecesShippedOut per load-out and LotShippedOut with the lot’s totals, and reports pick, weigh and load once', async () => {
    const shipped = await waitFor(() => {
      const found = messagesOf(PiecesShippedOutSchema);
      return found.length >= 2 ? found : undefined;
    });
    expect(
      shipped.map((m) => ({
        lot: m.lotId,
        barcodes: m.barcodes,
        net: fromWeight(m.net!),
        book: fromWeight(m.book!),
        overShort: fromWeight(m.overShort!),
        on: m.shippedOn?.value,
      })),
    ).toEqual([
      { lot: lotA, barcodes: ['A1', 'A2'], net: 4_013, book: 4_010, overShort: 3, on: '2025-03-10' },
      { lot: lotA, barcodes: ['A3'], net: 1_982, book: 1_990, overShort: -8, on: '2025-03-11' },
    ]);
    // The gate weighs each vehicle against the lot's tolerance: the commodity's 30 bp the lot was opened under.
    expect(shipped.map((m) => [m.vehicle, m.toleranceBasisPoints, m.commodityCode])).toEqual([
      ['沪A12345', 30, COMMODITY],
      ['苏B67890', 30, COMMODITY],
    ]);
    expect(shipped.map((m) => [m.entitlementId, m.loadOutNoteId, m.loadOutNoteSha256])).toEqual([
      ['ENT-WR-0001', `${ORDER}-L1`, day1.body.noteSha256],
      ['ENT-WR-0001', `${ORDER}-L2`, day2.body.noteSha256],
    ]);
    const emptied = await waitFor(() => messagesOf(LotShippedOutSchema)[0]);
    // Lot A in all: 3 pieces, book 6,000 kg, net 4,013 + 1,982 = 5,995 kg, over/short +3 − 8 = −5 kg.
    expect({
      lot: emptied.lotId,
      pieces: emptied.pieces,
      book: fromWeight(emptied.book!),
      net: fromWeight(emptied.net!),
      overShort: fromWeight(emptied.overShort!),
    }).toEqual({
      lot: lotA,
      pieces: 3,
      book: 6_000,
      net: 5_995,
      overShort: -5,
    });
    expect(floor.recorder.messages.filter((m) => m.headers.ce_type === LotShippedOutSchema.typeName).map((m) => m.key)).toEqual([lotA]);
    const steps = await waitFor(() => {
      const found = messagesOf(WorkOrderStepPerformedSchema).filter((m) => m.orderId === ORDER);
      return found.length >= 3 ? found : undefined;
    });
    expect(steps.map((m) => [m.step, m.evidenceRefs])).toEqual([
      ['pick', []],
      ['weigh', ['out-1', 'out-2']],
      ['load', []],
    ]);
  });

  it('takes the shipped pieces out of stock, leaving lot B', async () => {
    const stockOf = async (lotId: string) => (await as(manager, 'GET', `/stock?lot=${lotId}`)).body.items[0];
    expect(await stockOf(lotA)).toMatchObject({ onHand: { pieces: 0, kg: 0 } });
    expect(await stockOf(lotB)).toMatchObject({ onHand: { pieces: 1, kg: 1_500 } });
  });

  it('shows the holder the order’s load-outs with their notes; another depositor gets 404', async () => {
    expect(await as(holder, 'GET', `/outbound-orders/${ORDER}`)).toMatchObject({
      status: 200,
      body: {
        status: 'finished',
        entitlement: { entitlementId: 'ENT-WR-0001', lots: [{ lotId: lotA, pieces: 3, shippedPieces: 3 }] },
        picked: [],
        loads: [
          { loadNo: 1, noteSha256: day1.body.noteSha256, vehicle: '沪A12345', barcodes: ['A1', 'A2'], shippedOn: '2025-03-10', shippedBy: 'operator-12' },
          { loadNo: 2, noteSha256: day2.body.noteSha256, vehicle: '苏B67890', barcodes: ['A3'], shippedOn: '2025-03-11' },
        ],
      },
    });
    expect(await as(otherDepositor, 'GET', `/outbound-orders/${ORDER}`)).toMatchObject({ status: 404, body: { code: 'OUTBOUND_NOT_FOUND' } });
  });

  it('lets the holder download each load-out note, its SHA-256 matching the one on Kafka; another depositor gets 404', async () => {
    for (const [loadNo, answer] of [
      [1, day1],
      [2, day2],
    ] as const) {
      const note = await as(holder, 'GET', `/outbound-orders/${ORDER}/load-outs/${loadNo}/note`);
      expect(note.status).toBe(200);
      expect(note.headers.get('content-type')).toContain('application/pdf');
      expect(note.bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
      const digest = createHash('sha256').update(note.bytes).digest('hex');
      expect(digest).toBe(answer.body.noteSha256);
      expect(note.headers.get('x-content-sha256')).toBe(digest);
      expect(note.bytes.toString('latin1')).toContain(loadNo === 1 ? 'A2' : 'A3');
    }
    expect((await as(manager, 'GET', `/outbound-orders/${ORDER}/load-outs/1/note`)).status).toBe(200);
    const probe = await as(otherDepositor, 'GET', `/outbound-orders/${ORDER}/load-outs/1/note`);
    const missing = await as(otherDepositor, 'GET', `/outbound-orders/${ORDER}/load-outs/9/note`);
    expect(probe).toMatchObject({ status: 404, body: { code: 'LOAD_OUT_NOTE_NOT_FOUND' } });
    // Another party’s note answers as a load-out that does not exist does: same status and code.
    expect(missing).toMatchObject({ status: 404, body: { code: 'LOAD_OUT_NOTE_NOT_FOUND' } });
  });
});
