import fc from 'fast-check';
import { foldEvents } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import { stocktakeDecider } from './stocktake.decider';
import { BookEntry, StocktakeCommand } from './stocktake.commands';
import { StocktakeEvent } from './stocktake.events';
import { findVariances } from './stocktake-variances';

const spec = deciderSpec(stocktakeDecider);
const at = '2025-03-31T07:00:00Z';
const actor = 'counter-5';
const stocktakeId = 'st-1';
const orderId = 'wo-st-1';
const base = { stocktakeId, orderId, actor, at };

const book: BookEntry[] = [
  { barcode: 'P1', lotId: 'lot-1', owner: 'SC-0001', locationId: 'S1', netKg: 2_000 },
  { barcode: 'P2', lotId: 'lot-1', owner: 'SC-0001', locationId: 'S1', netKg: 2_000 },
  { barcode: 'P3', lotId: 'lot-2', owner: 'SC-0002', locationId: 'S2', netKg: 1_500 },
  { barcode: 'P4', lotId: 'lot-2', owner: 'SC-0002', locationId: 'S2', netKg: 1_500 },
];
const start: StocktakeCommand = {
  type: 'StartStocktake',
  data: { stocktakeId, orderId, warehouse: 'WH-SH-01', owner: 'SC-0001', locationIds: ['S1', 'S2'], book, toleranceBps: 30, actor, at },
};
const started = stocktakeDecider.decide(start, stocktakeDecider.initialState());
const count = (barcode: string, locationId: string, weighedKg: number | null): StocktakeCommand => ({
  type: 'CountPiece',
  data: { stocktakeId, barcode, locationId, weighedKg, actor, at },
});
const run = (events: StocktakeEvent[], commands: StocktakeCommand[]) =>
  commands.reduce((log, command) => [...log, ...stocktakeDecider.decide(command, foldEvents(stocktakeDecider, log))], events);

const counted = run(started, [count('P1', 'S1', 2_000), count('P2', 'S2', 1_950), count('P3', 'S2', 1_504), count('X9', 'S1', null)]);
const finished = run(counted, [{ type: 'FinishCount', data: { stocktakeId, actor, at } }]);

describe('stocktake: counting', () => {
  it('starts with a snapshot of the book of the locations counted', () => {
    expect(started).toEqual([
      { type: 'StocktakeStarted', data: { ...base, warehouse: 'WH-SH-01', owner: 'SC-0001', locationIds: ['S1', 'S2'], book, toleranceBps: 30 } },
    ]);
  });

  it('refuses a book entry outside the locations counted, or listed twice', () => {
    spec
      .given([])
      .when({ ...start, data: { ...start.data, locationIds: ['S1'] } } as StocktakeCommand)
      .thenRefusedWith('BOOK_ENTRY_OUT_OF_SCOPE', { barcode: 'P3' });
    spec
      .given([])
      .when({ ...start, data: { ...start.data, book: [book[0]!, book[0]!] } } as StocktakeCommand)
      .thenRefusedWith('LIST_HAS_REPEATS');
  });

  it('counts a piece by scan', () => {
    spec
      .given(started)
      .when(count('P1', 'S1', null))
      .then([{ type: 'PieceCounted', data: { ...base, barcode: 'P1', locationId: 'S1', weighedKg: null } }]);
  });

  it('refuses a location outside the stocktake, a piece counted twice and a zero weight', () => {
    spec
      .given(started)
      .when(count('P1', 'S9', null))
      .thenRefusedWith('LOCATION_NOT_IN_SCOPE');
    spec
      .given(counted)
      .when(count('P1', 'S2', null))
      .thenRefusedWith('PIECE_ALREADY_COUNTED', { locationId: 'S1' });
    spec
      .given(started)
      .when(count('P1', 'S1', 0))
      .thenRefusedWith('POSITIVE_INTEGER_REQUIRED');
    spec
      .given(started)
      .when(count('P1', 'S1', 1.5))
      .thenRefusedWith('INVALID_WEIGHT');
  });
});

describe('stocktake: variances', () => {
  it('records each difference between book and count as an event with its reason', () => {
    const variances = finished.filter((e) => e.type === 'StocktakeVarianceFound').map((e) => e.data);
    expect(finished[counted.length]).toEqual({ type: 'StocktakeCountFinished', data: { ...base, bookPieces: 4, countedPieces: 4, variances: 4 } });
    expect(variances).toEqual([
      // P2 counted in S2 though booked in S1
      expect.objectContaining({
        varianceId: 'misplaced_piece:P2',
        reason: 'counted_elsewhere',
        bookLocationId: 'S1',
        countedLocationId: 'S2',
        delta: { pieces: 0, kg: 0 },
      }),
      // P2 1,950 kg against 2,000: 30 bp allows 2,000 × 30 / 10,000 = 6 kg; it is 50 kg light
      expect.objectContaining({
        varianceId: 'weight_variance:P2',
        reason: 'weight_outside_tolerance',
        bookKg: 2_000,
        countedKg: 1_950,
        delta: { pieces: 0, kg: -50 },
      }),
      // (P3 1,504 kg against 1,500: 30 bp allows 4.5 kg, so 4 kg over is no variance)
      // P4 never scanned: the book loses a piece of 1,500 kg if applied
      expect.objectContaining({ varianceId: 'missing_piece:P4', reason: 'not_counted', lotId: 'lot-2', owner: 'SC-0002', delta: { pieces: -1, kg: -1_500 } }),
      // X9 scanned but in no lot's book
      expect.objectContaining({ varianceId: 'unexpected_piece:X9', reason: 'not_in_book', lotId: null, countedLocationId: 'S1', delta: { pieces: 0, kg: 0 } }),
    ]);
  });

  it('keeps the book snapshot unchanged after the count', () => {
    const state = foldEvents(stocktakeDecider, finished);
    expect(state.status !== 'none' && state.book).toEqual(book);
  });

  it('refuses counting after the count is finished', () => {
    spec
      .given(finished)
      .when(count('P4', 'S2', null))
      .thenRefusedWith('STOCKTAKE_STATUS_INVALID', { status: 'counted', expected: 'counting' });
  });

  it('closes only when every variance has an explanation, keeping every explanation given', () => {
    const explain = (varianceId: string, explanation: string): StocktakeCommand => ({
      type: 'ExplainVariance',
      data: { stocktakeId, varianceId, explanation, actor, at },
    });
    const close: StocktakeCommand = { type: 'CloseStocktake', data: { stocktakeId, actor, at } };
    const partly = run(finished, [explain('missing_piece:P4', 'shipped under wo-out-7 before the book caught up')]);
    spec
      .given(partly)
      .when(close)
      .thenRefusedWith('VARIANCES_UNEXPLAINED', { varianceIds: ['misplaced_piece:P2', 'weight_variance:P2', 'unexpected_piece:X9'] });
    const all = run(partly, [
      explain('misplaced_piece:P2', 'forklift put it in the next slot'),
      explain('weight_variance:P2', 'label weight was theoretical'),
      explain('weight_variance:P2', 're-weighed on hook scale 2: confirmed'),
      explain('unexpected_piece:X9', 'belongs to lot-3 in the next row'),
      // the two losses (P2 50 kg light, P4 missing) need a manager’s approval besides (rule INV-WRITE-OFF-APPROVED)
      ...['weight_variance:P2', 'missing_piece:P4'].map((varianceId): StocktakeCommand => ({
        type: 'ApproveVariance',
        data: { stocktakeId, varianceId, reason: 'confirmed', actor: 'manager-2', at },
      })),
    ]);
    spec
      .given(all)
      .when(close)
      .then([{ type: 'StocktakeClosed', data: { ...base, variances: 4 } }]);
    const state = foldEvents(stocktakeDecider, all);
    expect(state.status !== 'none' && state.variances['weight_variance:P2']!.explanations).toEqual([
      'label weight was theoretical',
      're-weighed on hook scale 2: confirmed',
    ]);
    spec.given(all).when(explain('nope', 'x')).thenRefusedWith('VARIANCE_NOT_FOUND');
    spec.given(all).when(explain('missing_piece:P4', ' ')).thenRefusedWith('FIELD_REQUIRED');
  });
});

describe('stocktake invariants', () => {
  it('every book piece is counted or missing, every stray piece is unexpected, and book + deltas = pieces of the book found', () => {
    const barcodes = ['A', 'B', 'C', 'D', 'E', 'F'];
    const scenario = fc.record({
      booked: fc.subarray(barcodes),
      counted: fc.subarray(barcodes),
      location: fc.func(fc.constantFrom('S1', 'S2')),
      weight: fc.func(fc.option(fc.integer({ min: 900, max: 1_100 }))),
    });
    fc.assert(
      fc.property(scenario, ({ booked, counted: found, location, weight }) => {
        const entries = booked.map((barcode) => ({ barcode, lotId: 'lot', owner: 'SC', locationId: 'S1', netKg: 1_000 }));
        const counts = found.map((barcode) => ({ barcode, locationId: location(barcode), weighedKg: weight(barcode) }));
        const variances = findVariances(entries, counts, 30);
        const ids = new Set(variances.map((v) => v.varianceId));
        expect(ids.size).toBe(variances.length);
        for (const barcode of booked) expect(ids.has(`missing_piece:${barcode}`)).toBe(!found.includes(barcode));
        for (const barcode of found) expect(ids.has(`unexpected_piece:${barcode}`)).toBe(!booked.includes(barcode));
        const deltaPieces = variances.reduce((sum, v) => sum + v.delta.pieces, 0);
        expect(booked.length + deltaPieces).toBe(booked.filter((b) => found.includes(b)).length);
      }),
    );
  });
});

describe('stocktake: evidence before the book changes', () => {
  const manager = 'manager-2';
  const approve = (varianceId: string, approver = manager, reason = 'searched rows 1–3 twice; written off'): StocktakeCommand => ({
    type: 'ApproveVariance',
    data: { stocktakeId, varianceId, reason, actor: approver, at },
  });
  const explain = (varianceId: string): StocktakeCommand => ({
    type: 'ExplainVariance',
    data: { stocktakeId, varianceId, explanation: 'checked on the floor', actor, at },
  });
  const close: StocktakeCommand = { type: 'CloseStocktake', data: { stocktakeId, actor, at } };
  const weighing = (readingId: string, barcode: string, grossKg: number, tareKg: number, verified = true): StocktakeCommand => ({
    type: 'RecordCountWeighing',
    data: {
      stocktakeId,
      reading: {
        readingId,
        source: verified ? 'scale' : 'manual',
        scaleId: verified ? 'SCALE-07' : null,
        deviceVerified: verified,
        subject: { kind: 'piece', barcode },
        grossKg,
        tareKg,
        weighedAt: at,
      },
      actor: 'SCALE-07',
      at,
    },
  });
  const explainedAll = run(
    finished,
    ['misplaced_piece:P2', 'weight_variance:P2', 'missing_piece:P4', 'unexpected_piece:X9'].map((id) => explain(id)),
  );

  it('refuses to close while a loss has no manager’s approval, naming each one', () => {
    // P2 typed in at 1,950 kg (−50 kg) and P4 missing (−1 piece, −1,500 kg): both write the book down
    spec
      .given(explainedAll)
      .when(close)
      .thenRefusedWith('WRITE_OFF_NOT_APPROVED', { varianceIds: ['weight_variance:P2', 'missing_piece:P4'] });
    spec
      .given(run(explainedAll, [approve('weight_variance:P2')]))
      .when(close)
      .thenRefusedWith('WRITE_OFF_NOT_APPROVED', { varianceIds: ['missing_piece:P4'] });
    spec
      .given(run(explainedAll, [approve('weight_variance:P2'), approve('missing_piece:P4')]))
      .when(close)
      .then([{ type: 'StocktakeClosed', data: { ...base, variances: 4 } }]);
  });

  it('records a manager’s approval with its reason, once, only by someone who did not count', () => {
    spec
      .given(explainedAll)
      .when(approve('missing_piece:P4'))
      .then([
        {
          type: 'StocktakeVarianceApproved',
          data: { ...base, actor: manager, varianceId: 'missing_piece:P4', reason: 'searched rows 1–3 twice; written off' },
        },
      ]);
    // counter-5 counted the pieces and finished the count: the same person cannot vouch for it twice
    spec.given(explainedAll).when(approve('missing_piece:P4', actor)).thenRefusedWith('APPROVER_IS_COUNTER', { approver: actor });
    spec
      .given(run(explainedAll, [approve('missing_piece:P4')]))
      .when(approve('missing_piece:P4', 'manager-3'))
      .thenRefusedWith('VARIANCE_ALREADY_APPROVED', { approver: manager });
    spec.given(explainedAll).when(approve('misplaced_piece:P2')).thenRefusedWith('VARIANCE_CHANGES_NO_STOCK');
    spec
      .given(explainedAll)
      .when(approve('missing_piece:P4', manager, ' '))
      .thenRefusedWith('FIELD_REQUIRED');
    spec.given(explainedAll).when(approve('nope')).thenRefusedWith('VARIANCE_NOT_FOUND');
    spec.given(counted).when(approve('missing_piece:P4')).thenRefusedWith('STOCKTAKE_STATUS_INVALID');
  });

  it('takes a counted weight from a signed scale reading, which lets a gain reach the book without approval', () => {
    // P1 counted at its book 2,000 kg by hand, then weighed on scale 07: 2,350 − 300 = 2,050 kg net.
    // 30 bp of 2,000 kg allows 6 kg, so 50 kg over is a variance of +50 kg with the reading behind it.
    const weighed = run(counted, [weighing('R-1', 'P1', 2_350, 300)]);
    expect(weighed.at(-1)).toEqual({
      type: 'CountedPiecesWeighed',
      data: { ...base, actor: 'SCALE-07', readingId: 'R-1', scaleId: 'SCALE-07', pieces: [{ barcode: 'P1', netKg: 2_050 }], weighedAt: at },
    });
    const found = run(weighed, [{ type: 'FinishCount', data: { stocktakeId, actor, at } }]);
    expect(found.find((e) => e.type === 'StocktakeVarianceFound' && e.data.varianceId === 'weight_variance:P1')).toMatchObject({
      data: { bookKg: 2_000, countedKg: 2_050, delta: { pieces: 0, kg: 50 }, reading: { scaleId: 'SCALE-07', readingId: 'R-1' } },
    });
    const explained = run(
      found,
      found.flatMap((e) => (e.type === 'StocktakeVarianceFound' ? [explain(e.data.varianceId)] : [])),
    );
    // the losses (P2 −50 kg, P4 missing) still need approval; the weighed gain on P1 does not
    spec
      .given(explained)
      .when(close)
      .thenRefusedWith('WRITE_OFF_NOT_APPROVED', { varianceIds: ['weight_variance:P2', 'missing_piece:P4'] });
    spec
      .given(run(explained, [approve('weight_variance:P2'), approve('missing_piece:P4')]))
      .when(close)
      .then([{ type: 'StocktakeClosed', data: { ...base, variances: 5 } }]);
  });

  it('refuses a gain typed by hand until a manager approves it', () => {
    // P1 typed in at 2,050 kg: +50 kg over its 2,000 kg book (beyond 6 kg), no scale behind it
    const typed = run(started, [count('P1', 'S1', 2_050), count('P2', 'S1', 2_000), count('P3', 'S2', 1_500), count('P4', 'S2', 1_500)]);
    const found = run(typed, [{ type: 'FinishCount', data: { stocktakeId, actor, at } }, explain('weight_variance:P1')]);
    spec
      .given(found)
      .when(close)
      .thenRefusedWith('WEIGHT_VARIANCE_UNVERIFIED', { varianceIds: ['weight_variance:P1'] });
    spec
      .given(run(found, [approve('weight_variance:P1')]))
      .when(close)
      .then([{ type: 'StocktakeClosed', data: { ...base, variances: 1 } }]);
  });

  it('refuses a stocktake weighing that is unsigned, of a vehicle, repeated, or of a piece not counted', () => {
    spec
      .given(counted)
      .when(weighing('R-1', 'P1', 2_350, 300, false))
      .thenRefusedWith('SCALE_READING_REQUIRED');
    spec
      .given(counted)
      .when(weighing('R-1', 'P4', 1_800, 300))
      .thenRefusedWith('PIECE_NOT_COUNTED', { barcode: 'P4' });
    const once = run(counted, [weighing('R-1', 'P1', 2_350, 300)]);
    spec
      .given(once)
      .when(weighing('R-1', 'P3', 1_800, 300))
      .thenRefusedWith('READING_ALREADY_RECORDED');
    spec
      .given(once)
      .when(weighing('R-2', 'P1', 2_350, 300))
      .thenRefusedWith('PIECE_ALREADY_WEIGHED', { readingId: 'R-1' });
    spec
      .given(counted)
      .when(weighing('R-1', 'P1', 300, 300))
      .thenRefusedWith('NET_WEIGHT_NOT_POSITIVE');
    const vehicle = weighing('R-1', 'P1', 5_000, 1_000);
    const onTruck = {
      ...vehicle,
      data: {
        ...vehicle.data,
        reading: { ...(vehicle.data as { reading: object }).reading, subject: { kind: 'vehicle', vehicle: '沪A12345', barcodes: ['P1', 'P3'] } },
      },
    };
    spec
      .given(counted)
      .when(onTruck as StocktakeCommand)
      .thenRefusedWith('VALUE_NOT_ALLOWED');
    spec
      .given(finished)
      .when(weighing('R-1', 'P1', 2_350, 300))
      .thenRefusedWith('STOCKTAKE_STATUS_INVALID');
  });

  it('judges each piece by its own lot’s tolerance when the stocktake names none', () => {
    // lot-1 received under a 10 bp tolerance, lot-2 under 100 bp.
    // P1 2,003 kg against 2,000: 10 bp allows 2,000 × 10 / 10,000 = 2 kg, so 3 kg over is a variance.
    // P3 1,514 kg against 1,500: 100 bp allows 1,500 × 100 / 10,000 = 15 kg, so 14 kg over is none.
    const own = [
      { ...book[0]!, toleranceBps: 10 },
      { ...book[2]!, toleranceBps: 100 },
    ];
    const variances = findVariances(
      own,
      [
        { barcode: 'P1', locationId: 'S1', weighedKg: 2_003 },
        { barcode: 'P3', locationId: 'S2', weighedKg: 1_514 },
      ],
      null,
    );
    expect(variances.map((v) => [v.varianceId, v.delta.kg])).toEqual([['weight_variance:P1', 3]]);
    spec
      .given([])
      .when({ ...start, data: { ...start.data, toleranceBps: null } } as StocktakeCommand)
      .thenRefusedWith('TOLERANCE_INVALID');
  });
});
