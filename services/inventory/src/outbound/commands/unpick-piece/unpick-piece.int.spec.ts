import { ManualClock } from '@dw/kernel';
import { waitFor } from '@dw/testing';
import { manager, operator, OutboundFloor } from '../outbound-floor.spec-helper';

/**
 * Returning a picked piece to stock before its load leaves (un-pick), on real PostgreSQL and real
 * Kafka through HTTP. Lot A (A1 2,000 kg, A2 2,010 kg, A3 1,990 kg) is entitled to the order; lot
 * B (B1 1,500 kg), of the same card, is not.
 */
const clock = new ManualClock('2025-03-10T01:00:00Z');
let floor: OutboundFloor;
let lotA: string;
let lotB: string;
const ORDER = 'out-ENT-WR-0002';
/** An outbound order whose notice step is not recorded yet: nothing may be picked under it. */
const NOT_AT_PICK = 'out-ENT-WR-0003';
const unpick = (orderId: string, barcode: string, reason: string) => floor.as(operator, 'POST', `/outbound-orders/${orderId}/unpicks`, { barcode, reason });
const pick = (orderId: string, barcode: string) => floor.as(operator, 'POST', `/outbound-orders/${orderId}/picks`, { barcode });
const stockOf = async (lotId: string) => (await floor.as(manager, 'GET', `/stock?lot=${lotId}`)).body.items[0];

beforeAll(async () => {
  floor = await OutboundFloor.start('unpick', clock);
  lotA = await floor.receiveLot('in-A', { A1: 2_000, A2: 2_010, A3: 1_990 });
  lotB = await floor.receiveLot('in-B', { B1: 1_500 });
  await floor.openOutboundOrder(ORDER, { entitlementId: 'ENT-WR-0002', receiptNumber: 'WR-0002', lots: [{ lotId: lotA, pieces: 3, kg: 6_000 }] });
  await floor.openOutboundOrder(
    NOT_AT_PICK,
    { entitlementId: 'ENT-WR-0003', receiptNumber: 'WR-0003', lots: [{ lotId: lotB, pieces: 1, kg: 1_500 }] },
    { recordNotice: false },
  );
}, 180_000);

afterAll(() => floor?.close());

describe('un-pick: a picked piece returned to stock before its load leaves', () => {
  it('returns a damaged bundle from a weighed load with its reason: the load is weighed again without it and leaves; the bundle is picked again for the next load', async () => {
    clock.set(new Date('2025-03-10T02:00:00Z'));
    expect(await pick(ORDER, 'A1')).toMatchObject({ status: 201, body: { picked: 1 } });
    expect(await pick(ORDER, 'A2')).toMatchObject({ status: 201, body: { picked: 2 } });
    // Truck with A1 + A2: 19,003 − 14,990 = 4,013 kg against book 2,000 + 2,010 = 4,010 kg.
    expect(
      await floor.scale(`/outbound-orders/${ORDER}/scale-readings`, {
        readingId: 'out-1',
        subject: { kind: 'vehicle', vehicle: '沪A12345', barcodes: ['A1', 'A2'] },
        grossKg: 19_003,
        tareKg: 14_990,
        weighedAt: '2025-03-10T01:58:00Z',
      }),
    ).toMatchObject({ status: 201, body: { loadNo: 1, netKg: 4_013, overShortKg: 3 } });

    // A2's banding snapped while loading: it goes back, and the weighing of A1 + A2 no longer weighs the load.
    expect(await unpick(ORDER, 'A2', 'bundle damaged on the forks')).toMatchObject({
      status: 201,
      body: { orderId: ORDER, barcode: 'A2', lotId: lotA, picked: 1, voidedWeighing: { loadNo: 1, readingId: 'out-1' } },
    });
    expect(await floor.as(operator, 'POST', `/outbound-orders/${ORDER}/load-outs`, {})).toMatchObject({
      status: 409,
      body: { code: 'LOAD_NOT_WEIGHED', details: { pickedPieces: 1 } },
    });
    expect(await floor.as(manager, 'GET', `/outbound-orders/${ORDER}`)).toMatchObject({
      status: 200,
      body: { picked: [{ barcode: 'A1', pickedBy: 'operator-12' }], weighed: false },
    });

    // Weighed again, A1 alone: 17,004 − 15,000 = 2,004 kg against its book 2,000 kg → over +4 kg.
    expect(
      await floor.scale(`/outbound-orders/${ORDER}/scale-readings`, {
        readingId: 'out-2',
        subject: { kind: 'vehicle', vehicle: '沪A12345', barcodes: ['A1'] },
        grossKg: 17_004,
        tareKg: 15_000,
        weighedAt: '2025-03-10T02:10:00Z',
      }),
    ).toMatchObject({ status: 201, body: { loadNo: 1, pieces: 1, bookKg: 2_000, netKg: 2_004, overShortKg: 4 } });
    expect(await floor.as(operator, 'POST', `/outbound-orders/${ORDER}/load-outs`, {})).toMatchObject({
      status: 201,
      body: { loadNo: 1, pieces: 1, bookKg: 2_000, netKg: 2_004, overShortKg: 4, finished: false },
    });
    // Only A1 left the stock book: 3 − 1 = 2 pieces, 6,000 − 2,000 = 4,000 kg on hand.
    expect(await stockOf(lotA)).toMatchObject({ onHand: { pieces: 2, kg: 4_000 } });

    // Back in stock, A2 is picked again for the next vehicle.
    expect(await pick(ORDER, 'A2')).toMatchObject({ status: 201, body: { lotId: lotA, picked: 1 } });
  });

  it('refuses a piece not picked, one of another order’s goods, one already loaded out and one without a reason, recording each refusal for ops', async () => {
    expect(await unpick(ORDER, 'A3', 'wrong bundle')).toMatchObject({
      status: 409,
      body: { code: 'PIECE_NOT_PICKED', details: { barcode: 'A3', picked: ['A2'] } },
    });
    expect(await unpick(ORDER, 'B1', 'wrong bundle')).toMatchObject({
      status: 409,
      body: { code: 'PIECE_NOT_OF_ORDER', details: { barcode: 'B1', lotId: lotB, reason: 'lot_not_entitled' } },
    });
    expect(await unpick(ORDER, 'A1', 'vehicle cannot take it')).toMatchObject({
      status: 409,
      body: { code: 'PIECE_ALREADY_SHIPPED', details: { barcode: 'A1', orderId: ORDER, loadNo: 1 } },
    });
    expect(await unpick(ORDER, 'A2', '   ')).toMatchObject({ status: 422, body: { code: 'FIELD_REQUIRED', field: 'reason' } });
    expect(await unpick(ORDER, 'A2', '')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    // A2 is still on the load being prepared.
    expect((await floor.as(manager, 'GET', `/outbound-orders/${ORDER}`)).body.picked.map((piece: { barcode: string }) => piece.barcode)).toEqual(['A2']);
    const refused = await waitFor(
      async () => {
        const items: { operation: string; code: string; subject: string }[] = (await floor.as(manager, 'GET', `/operation-refusals?orderId=${ORDER}`)).body
          .items;
        const unpicks = items.filter((item) => item.operation === 'unpick');
        return unpicks.length >= 4 ? unpicks : undefined;
      },
      { timeoutMs: 30_000, describe: 'the un-pick refusals in the ops list' },
    );
    expect(refused.map(({ code, subject }) => [code, subject]).sort()).toEqual([
      ['FIELD_REQUIRED', 'A2'],
      ['PIECE_ALREADY_SHIPPED', 'A1'],
      ['PIECE_NOT_OF_ORDER', 'B1'],
      ['PIECE_NOT_PICKED', 'A3'],
    ]);
  });

  it('refuses an un-pick the order does not authorise at its pick step, as a pick is refused', async () => {
    // No such order.
    const unknown = await unpick('out-NOPE', 'A2', 'wrong bundle');
    expect(unknown).toMatchObject({ status: 403, body: { code: 'NO_AUTHORISING_ORDER', details: { reason: 'no_order' } } });
    expect(await pick('out-NOPE', 'A2')).toMatchObject({ status: 403, body: { code: 'NO_AUTHORISING_ORDER', details: { reason: 'no_order' } } });
    // An inbound order, completed: not open, and of a type that authorises no pick.
    expect(await unpick('in-A', 'A2', 'wrong bundle')).toMatchObject({ status: 403, body: { code: 'NO_AUTHORISING_ORDER' } });
    // Open, but its notice step is not recorded: not at its pick step yet.
    expect(await unpick(NOT_AT_PICK, 'B1', 'wrong bundle')).toMatchObject({ status: 409, body: { code: 'STEP_OUT_OF_ORDER' } });
    expect(await pick(NOT_AT_PICK, 'B1')).toMatchObject({ status: 409, body: { code: 'STEP_OUT_OF_ORDER' } });
  });
});
