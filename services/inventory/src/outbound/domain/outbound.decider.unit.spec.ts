import { foldEvents } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import type { WeighingReading } from '../../lot/domain/weighing';
import { netByBook } from './load-out-weights';
import type { Entitlement, OutboundCommand, PieceOnRecord } from './outbound.commands';
import { outboundDecider } from './outbound.decider';
import type { LoadedOut, OutboundEvent } from './outbound.events';
import { shippedPieceDecider, type ShipPiece } from './shipped-piece.decider';

const spec = deciderSpec(outboundDecider);
const day1 = '2025-03-10T02:00:00Z';
const day2 = '2025-03-11T03:00:00Z';
const ORDER = 'out-ENT-R0001';

/** The receipt's cancellation granted lot-1 (two pieces) and lot-2 (one piece). */
const entitlement: Entitlement = {
  entitlementId: 'ENT-R0001',
  receiptNumber: 'R0001',
  lots: [
    { lotId: 'lot-1', pieces: 2, netKg: 4_010 },
    { lotId: 'lot-2', pieces: 1, netKg: 1_990 },
  ],
};
const opened = (withEntitlement: Entitlement | null = entitlement, scaleReadingRequired = true): OutboundEvent => ({
  type: 'OutboundOpened',
  data: {
    orderId: ORDER,
    warehouse: 'WH-SH-01',
    owner: 'SC-0001',
    ownerParty: 'P-A',
    commodity: 'rb-400e-20-sg',
    entitlement: withEntitlement,
    scaleReadingRequired,
    actor: 'operator-12',
    at: day1,
  },
});
/** Book (inbound) weights: A 2,000 kg and B 2,010 kg of lot-1, C 1,990 kg of lot-2. */
const onRecord: Record<string, PieceOnRecord> = {
  A: { lotId: 'lot-1', warehouse: 'WH-SH-01', owner: 'SC-0001', lotInStore: true, bookKg: 2_000, shipped: null },
  B: { lotId: 'lot-1', warehouse: 'WH-SH-01', owner: 'SC-0001', lotInStore: true, bookKg: 2_010, shipped: null },
  C: { lotId: 'lot-2', warehouse: 'WH-SH-01', owner: 'SC-0001', lotInStore: true, bookKg: 1_990, shipped: null },
  X: { lotId: 'lot-9', warehouse: 'WH-SH-01', owner: 'SC-0001', lotInStore: true, bookKg: 1_500, shipped: null },
};
const pick = (barcode: string, piece: PieceOnRecord | null = onRecord[barcode] ?? null, actor = 'operator-12', at = day1): OutboundCommand => ({
  type: 'PickPiece',
  data: { orderId: ORDER, barcode, piece, actor, at },
});
const picked = (barcode: string, actor = 'operator-12', at = day1): OutboundEvent => ({
  type: 'OutboundPiecePicked',
  data: { orderId: ORDER, barcode, lotId: onRecord[barcode]!.lotId, bookKg: onRecord[barcode]!.bookKg, actor, at },
});
const reading = (barcodes: string[], grossKg: number, tareKg: number, overrides: Partial<WeighingReading> = {}): WeighingReading => ({
  readingId: `r-${barcodes.join('')}`,
  source: 'scale',
  scaleId: 'hook-scale-2',
  deviceVerified: true,
  subject: { kind: 'vehicle', vehicle: '沪A12345', barcodes },
  grossKg,
  tareKg,
  weighedAt: day1,
  ...overrides,
});
const weigh = (r: WeighingReading, at = day1): OutboundCommand => ({ type: 'WeighLoad', data: { orderId: ORDER, reading: r, actor: 'scale-clerk-3', at } });
const weighed = (events: OutboundEvent[], command: OutboundCommand) => [...events, ...outboundDecider.decide(command, foldEvents(outboundDecider, events))];
const loadOut = (onHand: Record<string, number>, at = day1, vehicle: string | null = null): OutboundCommand => ({
  type: 'LoadOut',
  data: { orderId: ORDER, vehicle, onHand, toleranceBps: { 'lot-1': 30, 'lot-2': 50 }, actor: 'operator-12', at },
});

describe('outbound decider: picking', () => {
  it('picks a piece of an entitled lot, recording who picked it and its book weight', () => {
    spec
      .given([opened()])
      .when(pick('A'))
      .then([picked('A')]);
    spec
      .given([opened(), picked('A')])
      .when(pick('C', onRecord.C, 'operator-15'))
      .then([picked('C', 'operator-15')]);
  });

  it('refuses a piece outside the entitlement, and more pieces of a lot than the entitlement grants', () => {
    spec.given([opened()]).when(pick('X')).thenRefusedWith('PIECE_NOT_ENTITLED', { barcode: 'X', lotId: 'lot-9', reason: 'lot_not_entitled' });
    // lot-2 is granted one piece; C is picked, so another piece of lot-2 is not the holder's.
    const another = { ...onRecord.C!, bookKg: 1_980 };
    spec
      .given([opened(), picked('C')])
      .when(pick('C2', another))
      .thenRefusedWith('PIECE_NOT_ENTITLED', { reason: 'lot_entitlement_taken', entitledPieces: 1 });
  });

  it('refuses a piece already picked, and one already shipped in an earlier load', () => {
    spec
      .given([opened(), picked('A')])
      .when(pick('A'))
      .thenRefusedWith('PIECE_ALREADY_PICKED', { barcode: 'A', pickedBy: 'operator-12' });
    const afterLoad1 = weighed(weighed([opened(), picked('A')], weigh(reading(['A'], 17_000, 15_000))), loadOut({ 'lot-1': 2 }));
    spec.given(afterLoad1).when(pick('A')).thenRefusedWith('PIECE_ALREADY_SHIPPED', { barcode: 'A', loadNo: 1 });
    // Shipped under another order: the piece's own record says so.
    spec
      .given([opened(null)])
      .when(pick('X', { ...onRecord.X!, shipped: { orderId: 'out-other', loadNo: 2 } }))
      .thenRefusedWith('PIECE_ALREADY_SHIPPED', { barcode: 'X', orderId: 'out-other', loadNo: 2 });
  });

  it('ships a piece once, whichever order ships it', () => {
    const ship = (orderId: string): ShipPiece => ({
      type: 'ShipPiece',
      data: { barcode: 'A', warehouse: 'WH-SH-01', lotId: 'lot-1', orderId, loadNo: 1, actor: 'operator-12', at: day1 },
    });
    const pieceSpec = deciderSpec(shippedPieceDecider);
    pieceSpec
      .given([])
      .when(ship(ORDER))
      .then([{ type: 'PieceShipped', data: ship(ORDER).data }]);
    pieceSpec
      .given([{ type: 'PieceShipped', data: ship(ORDER).data }])
      .when(ship('out-other'))
      .thenRefusedWith('PIECE_ALREADY_SHIPPED', { orderId: ORDER, loadNo: 1 });
  });

  it('refuses a piece not in store: an unknown barcode, one of another warehouse, one whose lot is not received', () => {
    spec.given([opened()]).when(pick('Z', null)).thenRefusedWith('PIECE_NOT_IN_STORE', { barcode: 'Z', reason: 'unknown_barcode' });
    spec
      .given([opened()])
      .when(pick('A', { ...onRecord.A!, warehouse: 'WH-TJ-02' }))
      .thenRefusedWith('PIECE_NOT_IN_STORE', { reason: 'unknown_barcode' });
    spec
      .given([opened()])
      .when(pick('A', { ...onRecord.A!, lotInStore: false }))
      .thenRefusedWith('PIECE_NOT_IN_STORE', { lotId: 'lot-1', reason: 'lot_not_in_store' });
  });

  it('with no entitlement, picks only the order’s own storage card’s goods', () => {
    spec
      .given([opened(null)])
      .when(pick('X'))
      .then([{ ...picked('X') }]);
    spec
      .given([opened(null)])
      .when(pick('X', { ...onRecord.X!, owner: 'SC-0002' }))
      .thenRefusedWith('PIECE_NOT_ENTITLED', { reason: 'other_owner' });
  });

  it('refuses to add to a load once it is weighed', () => {
    const onScale = weighed([opened(), picked('A')], weigh(reading(['A'], 17_000, 15_000)));
    spec.given(onScale).when(pick('B')).thenRefusedWith('LOAD_ALREADY_WEIGHED', { loadNo: 1 });
  });
});

const unpick = (barcode: string, reason = 'bundle damaged on the forks', piece: PieceOnRecord | null = onRecord[barcode] ?? null): OutboundCommand => ({
  type: 'UnpickPiece',
  data: { orderId: ORDER, barcode, reason, piece, actor: 'operator-15', at: day1 },
});

describe('outbound decider: returning a picked piece (un-pick)', () => {
  it('returns a piece picked for the load to stock, with the reason and the pick it undoes', () => {
    spec
      .given([opened(), picked('A'), picked('B')])
      .when(unpick('A'))
      .then([
        {
          type: 'OutboundPieceUnpicked',
          data: {
            orderId: ORDER,
            barcode: 'A',
            lotId: 'lot-1',
            bookKg: 2_000,
            reason: 'bundle damaged on the forks',
            pickedBy: 'operator-12',
            pickedAt: day1,
            voidedWeighing: null,
            actor: 'operator-15',
            at: day1,
          },
        },
      ]);
  });

  it('lets a returned piece be picked again, and leaves the rest of the load picked', () => {
    const returned = weighed([opened(), picked('A'), picked('B')], unpick('A'));
    expect(foldEvents(outboundDecider, returned)).toMatchObject({ picked: [{ barcode: 'B' }] });
    spec
      .given(returned)
      .when(pick('A'))
      .then([picked('A')]);
  });

  it('voids the weighing of a weighed load, which is weighed again without the returned piece before it leaves', () => {
    // A + B weighed 19,020 − 15,000 = 4,020 kg; the vehicle cannot take B, so the weighing no longer weighs the load.
    const onScale = weighed([opened(), picked('A'), picked('B')], weigh(reading(['A', 'B'], 19_020, 15_000)));
    const returned = weighed(onScale, unpick('B', 'vehicle over its axle load'));
    expect(returned.at(-1)).toMatchObject({ type: 'OutboundPieceUnpicked', data: { barcode: 'B', voidedWeighing: { loadNo: 1, readingId: 'r-AB' } } });
    spec
      .given(returned)
      .when(loadOut({ 'lot-1': 2 }))
      .thenRefusedWith('LOAD_NOT_WEIGHED', { pickedPieces: 1 });
    // The voided reading is not recorded twice; a new reading of A alone: 17,004 − 15,000 = 2,004 kg against book 2,000 kg → +4 kg.
    spec
      .given(returned)
      .when(weigh(reading(['A', 'B'], 19_020, 15_000)))
      .thenRefusedWith('READING_ALREADY_RECORDED', { readingId: 'r-AB' });
    const reweighed = weighed(returned, weigh(reading(['A'], 17_004, 15_000)));
    expect(reweighed.at(-1)).toMatchObject({ type: 'LoadWeighed', data: { loadNo: 1, barcodes: ['A'], netKg: 2_004, bookKg: 2_000, overShortKg: 4 } });
    // A no-entitlement order finishes with its load: the weigh step's evidence is the reading of the load that left, not the voided one.
    const leaves = outboundDecider.decide(loadOut({ 'lot-1': 2 }), foldEvents(outboundDecider, reweighed));
    expect(leaves).toMatchObject([{ type: 'LoadedOut', data: { readingId: 'r-A', pieces: 1, netKg: 2_004 } }]);
    const noEntitlement = weighed(
      weighed(
        weighed(weighed([opened(null), picked('A'), picked('B')], weigh(reading(['A', 'B'], 19_020, 15_000))), unpick('B')),
        weigh(reading(['A'], 17_004, 15_000)),
      ),
      loadOut({ 'lot-1': 2 }),
    );
    expect(noEntitlement.at(-1)).toMatchObject({ type: 'OutboundFinished', data: { readingIds: ['r-A'] } });
  });

  it('refuses to return a piece that is not picked for the load', () => {
    spec
      .given([opened(), picked('A')])
      .when(unpick('B'))
      .thenRefusedWith('PIECE_NOT_PICKED', { barcode: 'B', picked: ['A'] });
    spec
      .given([opened(), picked('A')])
      .when(unpick('Z', 'wrong label', null))
      .thenRefusedWith('PIECE_NOT_PICKED', { barcode: 'Z' });
    // Returned once already: it is no longer picked.
    spec
      .given(weighed([opened(), picked('A')], unpick('A')))
      .when(unpick('A'))
      .thenRefusedWith('PIECE_NOT_PICKED', { barcode: 'A', picked: [] });
  });

  it('refuses to return a piece that has already left, under this order or another', () => {
    const afterLoad1 = weighed(weighed([opened(), picked('A')], weigh(reading(['A'], 17_000, 15_000))), loadOut({ 'lot-1': 2 }));
    spec.given(afterLoad1).when(unpick('A')).thenRefusedWith('PIECE_ALREADY_SHIPPED', { barcode: 'A', orderId: ORDER, loadNo: 1 });
    spec
      .given([opened(), picked('A')])
      .when(unpick('B', 'wrong bundle', { ...onRecord.B!, shipped: { orderId: 'out-other', loadNo: 3 } }))
      .thenRefusedWith('PIECE_ALREADY_SHIPPED', { barcode: 'B', orderId: 'out-other', loadNo: 3 });
  });

  it('refuses to return a piece of goods the order does not ship: another order’s', () => {
    spec
      .given([opened(), picked('A')])
      .when(unpick('X'))
      .thenRefusedWith('PIECE_NOT_OF_ORDER', { barcode: 'X', lotId: 'lot-9', reason: 'lot_not_entitled' });
    spec
      .given([opened(null), picked('A')])
      .when(unpick('X', 'wrong bundle', { ...onRecord.X!, owner: 'SC-0002' }))
      .thenRefusedWith('PIECE_NOT_OF_ORDER', { reason: 'other_owner' });
  });

  it('needs a reason, and an order whose outbound is underway', () => {
    spec
      .given([opened(), picked('A')])
      .when(unpick('A', '  '))
      .thenRefusedWith('FIELD_REQUIRED');
    spec.given([]).when(unpick('A')).thenRefusedWith('OUTBOUND_NOT_FOUND');
  });
});

describe('outbound decider: weighing the load', () => {
  it('records the load’s over/short = weighed net − book weight of the same pieces', () => {
    // Book: A 2,000 + B 2,010 + C 1,990 = 6,000 kg. Weighbridge: loaded truck 21,970 kg, empty
    // 15,950 kg, so net = 21,970 − 15,950 = 6,020 kg and over/short = 6,020 − 6,000 = +20 kg.
    spec
      .given([opened(), picked('A'), picked('B'), picked('C')])
      .when(weigh(reading(['A', 'B', 'C'], 21_970, 15_950)))
      .then([
        {
          type: 'LoadWeighed',
          data: {
            orderId: ORDER,
            loadNo: 1,
            readingId: 'r-ABC',
            source: 'scale',
            scaleId: 'hook-scale-2',
            deviceVerified: true,
            vehicle: '沪A12345',
            barcodes: ['A', 'B', 'C'],
            grossKg: 21_970,
            tareKg: 15_950,
            netKg: 6_020,
            bookKg: 6_000,
            overShortKg: 20,
            weighedAt: day1,
            actor: 'scale-clerk-3',
            at: day1,
          },
        },
      ]);
    // Short: A alone (book 2,000 kg) weighs 16,992 − 15,000 = 1,992 kg, so 1,992 − 2,000 = −8 kg.
    const [short] = outboundDecider.decide(weigh(reading(['A'], 16_992, 15_000)), foldEvents(outboundDecider, [opened(), picked('A')]));
    expect(short).toMatchObject({ type: 'LoadWeighed', data: { netKg: 1_992, bookKg: 2_000, overShortKg: -8 } });
  });

  it('refuses a hand-typed weight where the workflow requires a scale reading, and an unverified one', () => {
    const given = [opened(), picked('A')];
    spec
      .given(given)
      .when(weigh(reading(['A'], 17_000, 15_000, { source: 'manual', scaleId: null, deviceVerified: false })))
      .thenRefusedWith('SCALE_READING_REQUIRED', { reason: 'hand_typed' });
    spec
      .given(given)
      .when(weigh(reading(['A'], 17_000, 15_000, { deviceVerified: false })))
      .thenRefusedWith('SCALE_READING_REQUIRED', { reason: 'unverified' });
  });

  it('accepts a hand-typed weight where the workflow does not require a scale', () => {
    const [event] = outboundDecider.decide(
      weigh(reading(['A'], 17_000, 15_000, { source: 'manual', scaleId: null, deviceVerified: false })),
      foldEvents(outboundDecider, [opened(entitlement, false), picked('A')]),
    );
    expect(event).toMatchObject({ type: 'LoadWeighed', data: { source: 'manual', netKg: 2_000, overShortKg: 0 } });
  });

  it('weighs exactly the pieces picked, once, with nothing picked refused', () => {
    spec
      .given([opened()])
      .when(weigh(reading(['A'], 17_000, 15_000)))
      .thenRefusedWith('NOTHING_PICKED');
    spec
      .given([opened(), picked('A'), picked('B')])
      .when(weigh(reading(['A', 'C'], 19_000, 15_000)))
      .thenRefusedWith('LOAD_MISMATCH', { notPicked: ['C'], notWeighed: ['B'] });
    const onScale = weighed([opened(), picked('A')], weigh(reading(['A'], 17_000, 15_000)));
    spec
      .given(onScale)
      .when(weigh(reading(['A'], 17_000, 15_000)))
      .thenRefusedWith('LOAD_ALREADY_WEIGHED');
  });
});

describe('outbound decider: loading out', () => {
  it('splits the load’s net over its lots by book weight and ships each lot’s pieces', () => {
    // Net 6,020 kg over lot-1 (book 2,000 + 2,010 = 4,010 kg) and lot-2 (book 1,990 kg), 6,000 kg in all:
    // lot-1 6,020 × 4,010 / 6,000 = 4,023.37 → 4,023 (remainder 2,200/6,000);
    // lot-2 6,020 × 1,990 / 6,000 = 1,996.63 → 1,996 (remainder 3,800/6,000);
    // 6,020 − 4,023 − 1,996 = 1 kg left goes to lot-2, the larger remainder: 1,997.
    // Over/short: lot-1 4,023 − 4,010 = +13 kg, lot-2 1,997 − 1,990 = +7 kg, together the load’s +20 kg.
    const onScale = weighed([opened(), picked('A'), picked('B'), picked('C')], weigh(reading(['A', 'B', 'C'], 21_970, 15_950)));
    const events = outboundDecider.decide(loadOut({ 'lot-1': 2, 'lot-2': 1 }), foldEvents(outboundDecider, onScale));
    expect(events.map((event) => event.type)).toEqual(['LoadedOut', 'OutboundFinished']);
    const loaded = events[0]!.data as LoadedOut['data'];
    expect(loaded).toMatchObject({
      loadNo: 1,
      noteId: `${ORDER}-L1`,
      entitlementId: 'ENT-R0001',
      receiptNumber: 'R0001',
      vehicle: '沪A12345',
      pieces: 3,
      bookKg: 6_000,
      netKg: 6_020,
      overShortKg: 20,
      shippedOn: '2025-03-10',
    });
    expect(loaded.noteSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(loaded.lots).toEqual([
      {
        lotId: 'lot-1',
        pieces: [
          { barcode: 'A', bookKg: 2_000 },
          { barcode: 'B', bookKg: 2_010 },
        ],
        bookKg: 4_010,
        netKg: 4_023,
        overShortKg: 13,
        // Each lot's own tolerance, as the stock book's lot carries it, for the gate's exit weighing.
        toleranceBps: 30,
        lotTotals: { pieces: 2, bookKg: 4_010, netKg: 4_023, overShortKg: 13 },
      },
      {
        lotId: 'lot-2',
        pieces: [{ barcode: 'C', bookKg: 1_990 }],
        bookKg: 1_990,
        netKg: 1_997,
        overShortKg: 7,
        toleranceBps: 50,
        lotTotals: { pieces: 1, bookKg: 1_990, netKg: 1_997, overShortKg: 7 },
      },
    ]);
  });

  it('ships an entitlement in two loads on two days, finishing with the last entitled piece', () => {
    // Day 1: A (lot-1, book 2,000) and C (lot-2, book 1,990) weigh 19,000 − 15,000 = 4,000 kg: +10 kg.
    // Split by book 2,000 : 1,990 of 3,990: lot-1 4,000 × 2,000 / 3,990 = 2,005.01 → 2,005;
    // lot-2 4,000 × 1,990 / 3,990 = 1,994.99 → 1,994; remainders 50 and 3,940 (of 3,990), so the 1 kg left goes to lot-2: 1,995.
    // lot-1 +5 kg, lot-2 +5 kg; lot-2 had 1 piece on hand, so its last piece left.
    let events = weighed(weighed([opened(), picked('A'), picked('C')], weigh(reading(['A', 'C'], 19_000, 15_000))), loadOut({ 'lot-1': 2, 'lot-2': 1 }));
    const day1Load = events.at(-1)!.data as LoadedOut['data'];
    expect(events.at(-1)!.type).toBe('LoadedOut');
    expect(day1Load.lots.map(({ lotId, netKg, overShortKg, lotTotals }) => ({ lotId, netKg, overShortKg, last: lotTotals !== null }))).toEqual([
      { lotId: 'lot-1', netKg: 2_005, overShortKg: 5, last: false },
      { lotId: 'lot-2', netKg: 1_995, overShortKg: 5, last: true },
    ]);
    // Day 2: B (book 2,010) weighs 17,002 − 15,000 = 2,002 kg: −8 kg; lot-1's totals: 2 pieces,
    // book 2,000 + 2,010 = 4,010, net 2,005 + 2,002 = 4,007, over/short +5 − 8 = −3 kg.
    events = weighed(events, pick('B', onRecord.B, 'operator-15', day2));
    events = weighed(events, weigh(reading(['B'], 17_002, 15_000, { weighedAt: day2 }), day2));
    const finished = outboundDecider.decide(loadOut({ 'lot-1': 1 }, day2, '苏B67890'), foldEvents(outboundDecider, events));
    expect(finished.map((event) => event.type)).toEqual(['LoadedOut', 'OutboundFinished']);
    expect(finished[0]!.data).toMatchObject({
      loadNo: 2,
      vehicle: '苏B67890',
      shippedOn: '2025-03-11',
      lots: [{ lotId: 'lot-1', netKg: 2_002, overShortKg: -8, lotTotals: { pieces: 2, bookKg: 4_010, netKg: 4_007, overShortKg: -3 } }],
    });
    // The order: 3 pieces, book 6,000, net 4,000 + 2,002 = 6,002, over/short +10 − 8 = +2 kg.
    expect(finished[1]).toEqual({
      type: 'OutboundFinished',
      data: {
        orderId: ORDER,
        entitlementId: 'ENT-R0001',
        loads: 2,
        pieces: 3,
        bookKg: 6_000,
        netKg: 6_002,
        overShortKg: 2,
        readingIds: ['r-AC', 'r-B'],
        scaleReadingRequired: true,
        actor: 'operator-12',
        at: day2,
      },
    });
    spec
      .given([...events, ...finished])
      .when(pick('A'))
      .thenRefusedWith('OUTBOUND_FINISHED', { loads: 2 });
  });

  it('refuses a load-out before the load is weighed, and one the stock book cannot cover', () => {
    spec
      .given([opened(), picked('A')])
      .when(loadOut({ 'lot-1': 2 }))
      .thenRefusedWith('LOAD_NOT_WEIGHED', { pickedPieces: 1 });
    const onScale = weighed([opened(), picked('A'), picked('B')], weigh(reading(['A', 'B'], 19_000, 15_000)));
    spec
      .given(onScale)
      .when(loadOut({ 'lot-1': 1 }))
      .thenRefusedWith('PIECE_NOT_IN_STORE', { lotId: 'lot-1', onHand: 1, reason: 'stock_short' });
  });

  it('refuses outbound work before the order’s first pick', () => {
    spec.given([]).when(loadOut({})).thenRefusedWith('OUTBOUND_NOT_FOUND');
  });
});

describe('load-out net by book weight', () => {
  it('gives each lot its share in whole kg, the kg left over to the largest remainders', () => {
    // 100 kg over books 1 : 1 : 1 → 33.33 each → 33 + 33 + 33 = 99, 1 kg left: equal remainders,
    // so it goes to the lot listed first.
    expect(
      netByBook(100, [
        { lotId: 'a', bookKg: 1 },
        { lotId: 'b', bookKg: 1 },
        { lotId: 'c', bookKg: 1 },
      ]),
    ).toEqual(
      new Map([
        ['a', 34],
        ['b', 33],
        ['c', 33],
      ]),
    );
  });
});
