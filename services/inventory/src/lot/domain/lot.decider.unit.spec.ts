import { foldEvents } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import { rebar20Shagang } from '../../commodity/domain/commodity.test-fixtures';
import { lotDecider } from './lot.decider';
import { LotCommand } from './lot.commands';
import { LotEvent } from './lot.events';
import {
  actor,
  at,
  inspected,
  lotId,
  opened,
  orderId,
  pieceReading,
  placed,
  putAwayEvent,
  scanned,
  stamp,
  tallied,
  threeScanned,
  weighed,
  weighedEvent,
} from './lot.test-fixtures';
import { WeighingReading } from './weighing';

const spec = deciderSpec(lotDecider);
const scan = (barcode: string, productionDate = '2025-02-20', when = at): LotCommand => ({
  type: 'ScanPiece',
  data: { lotId, barcode, kind: 'bundle', productionDate, actor, at: when },
});
const weigh = (reading: WeighingReading): LotCommand => ({ type: 'RecordWeighing', data: { lotId, reading, actor, at } });
const finishWeighing: LotCommand = { type: 'FinishWeighing', data: { lotId, actor, at } };
const complete: LotCommand = { type: 'CompleteReceiving', data: { lotId, actor, at } };
const putAway = (locationId: string, barcodes: string[]): LotCommand => ({ type: 'PutAwayPieces', data: { lotId, locationId, barcodes, actor, at } });

describe('lot: opening and scanning', () => {
  it('opens a lot with what the inbound order says', () => {
    spec
      .given([])
      .when({ type: 'OpenLot', data: { ...(opened.data as Extract<LotCommand, { type: 'OpenLot' }>['data']) } })
      .then([opened]);
  });

  it('refuses a second open, a zero expected weight and a tolerance out of range', () => {
    const data = opened.data as Extract<LotCommand, { type: 'OpenLot' }>['data'];
    spec.given([opened]).when({ type: 'OpenLot', data }).thenRefusedWith('LOT_EXISTS');
    spec
      .given([])
      .when({ type: 'OpenLot', data: { ...data, expectedKg: 0 } })
      .thenRefusedWith('POSITIVE_INTEGER_REQUIRED');
    spec
      .given([])
      .when({ type: 'OpenLot', data: { ...data, toleranceBps: -5 } })
      .thenRefusedWith('TOLERANCE_INVALID');
    spec
      .given([])
      .when({ type: 'OpenLot', data: { ...data, commodity: { ...rebar20Shagang, brand: '' } } })
      .thenRefusedWith('FIELD_REQUIRED');
  });

  it('records a scanned piece', () => {
    spec
      .given([opened])
      .when(scan('B1'))
      .then([scanned('B1')]);
  });

  it('refuses the same barcode twice in a lot', () => {
    spec.given(threeScanned).when(scan('B2')).thenRefusedWith('DUPLICATE_BARCODE', { barcode: 'B2', lotId });
  });

  it('refuses a bad barcode, piece kind or production date', () => {
    spec.given([opened]).when(scan('B 1')).thenRefusedWith('BARCODE_INVALID');
    spec
      .given([opened])
      .when({ type: 'ScanPiece', data: { lotId, barcode: 'B1', kind: 'crate' as never, productionDate: '2025-02-20', actor, at } })
      .thenRefusedWith('VALUE_NOT_ALLOWED');
    spec.given([opened]).when(scan('B1', '2025-02-30')).thenRefusedWith('INVALID_DATE');
  });

  it('refuses a production date after the Shanghai date of the scan', () => {
    // 03:00 UTC on 4 March is 11:00 on 4 March in Shanghai: 5 March has not come yet
    spec.given([opened]).when(scan('B1', '2025-03-05')).thenRefusedWith('PRODUCTION_DATE_IN_FUTURE', { today: '2025-03-04' });
    // 17:00 UTC on 4 March is already 01:00 on 5 March in Shanghai
    spec
      .given([opened])
      .when(scan('B1', '2025-03-05', '2025-03-04T17:00:00Z'))
      .then([{ type: 'PieceScanned', data: { ...stamp, at: '2025-03-04T17:00:00Z', barcode: 'B1', kind: 'bundle', productionDate: '2025-03-05' } }]);
  });

  it('closes the tally with the count, and refuses scans after it or an empty tally', () => {
    spec
      .given(threeScanned)
      .when({ type: 'FinishTally', data: { lotId, actor, at } })
      .then([tallied[tallied.length - 1]!]);
    spec.given(tallied).when(scan('B4')).thenRefusedWith('TALLY_FINISHED');
    spec.given([opened]).when({ type: 'FinishTally', data: { lotId, actor, at } }).thenRefusedWith('TALLY_EMPTY');
  });

  it('refuses anything on a lot that does not exist', () => {
    spec.given([]).when(scan('B1')).thenRefusedWith('LOT_NOT_FOUND');
  });
});

describe('lot: weighing', () => {
  it('records a verified scale reading of a piece', () => {
    spec
      .given(tallied)
      .when(weigh(pieceReading('B1', 2_000)))
      .then([weighedEvent('B1', 2_000)]);
  });

  it('refuses a hand-typed weight where the workflow requires a scale reading', () => {
    spec
      .given(tallied)
      .when(weigh({ ...pieceReading('B1', 2_000), source: 'manual', scaleId: null }))
      .thenRefusedWith('SCALE_READING_REQUIRED', { reason: 'hand_typed' });
  });

  it('refuses a scale reading whose signature was not verified', () => {
    spec
      .given(tallied)
      .when(weigh({ ...pieceReading('B1', 2_000), deviceVerified: false }))
      .thenRefusedWith('SCALE_READING_REQUIRED', { reason: 'unverified' });
  });

  it('accepts a hand-typed weight where the workflow does not require a scale', () => {
    const noScale: LotEvent = {
      type: 'LotOpened',
      data: { ...(opened.data as Extract<LotEvent, { type: 'LotOpened' }>['data']), scaleReadingRequired: false },
    };
    const events = lotDecider.decide(
      weigh({ ...pieceReading('B1', 2_000), source: 'manual', scaleId: null }),
      foldEvents(lotDecider, [noScale, ...tallied.slice(1)]),
    );
    expect(events[0]!.data).toMatchObject({ source: 'manual', scaleId: null, deviceVerified: false, netKg: 2_000 });
  });

  it('refuses a piece never scanned, a piece weighed twice and a reading recorded twice', () => {
    spec
      .given(tallied)
      .when(weigh(pieceReading('B9', 2_000)))
      .thenRefusedWith('PIECE_NOT_IN_LOT', { barcode: 'B9' });
    spec
      .given([...tallied, weighedEvent('B1', 2_000)])
      .when(weigh(pieceReading('B1', 2_000, 'r-again')))
      .thenRefusedWith('PIECE_ALREADY_WEIGHED', { readingId: 'r-B1' });
    spec
      .given([...tallied, weighedEvent('B1', 2_000)])
      .when(weigh(pieceReading('B2', 2_000, 'r-B1')))
      .thenRefusedWith('READING_ALREADY_RECORDED');
  });

  it('shares a vehicle weighing over its pieces', () => {
    // weighbridge: 38,500 kg loaded − 32,499 kg empty = 6,001 kg → 2,001 + 2,000 + 2,000
    const reading: WeighingReading = {
      ...pieceReading('B1', 1),
      readingId: 'wb-7',
      scaleId: 'weighbridge-1',
      subject: { kind: 'vehicle', vehicle: '沪A12345', barcodes: ['B1', 'B2', 'B3'] },
      grossKg: 38_500,
      tareKg: 32_499,
    };
    const state = foldEvents(lotDecider, [...tallied, ...lotDecider.decide(weigh(reading), foldEvents(lotDecider, tallied))]);
    expect(state.status !== 'none' && state.pieces.map((p) => [p.barcode, p.netKg, p.weighedAs])).toEqual([
      ['B1', 2_001, 'vehicle_share'],
      ['B2', 2_000, 'vehicle_share'],
      ['B3', 2_000, 'vehicle_share'],
    ]);
  });

  it('closes weighing within tolerance without an alarm (6,018 kg against 6,000 ± 18 kg)', () => {
    // 30 bp of 6,000 kg = 6,000 × 30 / 10,000 = 18 kg; 2,000 + 2,000 + 2,018 = 6,018 is on the boundary
    spec
      .given([...tallied, weighedEvent('B1', 2_000), weighedEvent('B2', 2_000), weighedEvent('B3', 2_018)])
      .when(finishWeighing)
      .then([
        { type: 'LotWeighed', data: { ...stamp, pieces: 3, netKg: 6_018, expectedKg: 6_000, differenceKg: 18, toleranceBps: 30, withinTolerance: true } },
      ]);
  });

  it('raises WeightToleranceExceeded but still records a lot 19 kg over', () => {
    spec
      .given([...tallied, weighedEvent('B1', 2_000), weighedEvent('B2', 2_000), weighedEvent('B3', 2_019)])
      .when(finishWeighing)
      .then([
        { type: 'LotWeighed', data: { ...stamp, pieces: 3, netKg: 6_019, expectedKg: 6_000, differenceKg: 19, toleranceBps: 30, withinTolerance: false } },
        {
          type: 'WeightToleranceExceeded',
          data: {
            ...stamp,
            warehouse: 'WH-SH-01',
            owner: 'SC-0001',
            expectedKg: 6_000,
            netKg: 6_019,
            differenceKg: 19,
            toleranceBps: 30,
            allowedDifferenceKg: 18,
          },
        },
      ]);
  });

  it('raises the alarm for a lot 19 kg short (5,981 kg)', () => {
    const events = lotDecider.decide(
      finishWeighing,
      foldEvents(lotDecider, [...tallied, weighedEvent('B1', 2_000), weighedEvent('B2', 2_000), weighedEvent('B3', 1_981)]),
    );
    expect(events.map((e) => e.type)).toEqual(['LotWeighed', 'WeightToleranceExceeded']);
    expect(events[1]!.data).toMatchObject({ differenceKg: -19 });
  });

  it('refuses to close weighing with pieces unweighed or before the tally is closed, and to weigh after', () => {
    spec
      .given([...tallied, weighedEvent('B1', 2_000)])
      .when(finishWeighing)
      .thenRefusedWith('PIECES_NOT_WEIGHED', { barcodes: ['B2', 'B3'] });
    spec
      .given([...threeScanned, weighedEvent('B1', 2_000)])
      .when(finishWeighing)
      .thenRefusedWith('TALLY_NOT_FINISHED');
    spec
      .given(weighed)
      .when(weigh(pieceReading('B1', 2_000, 'late')))
      .thenRefusedWith('WEIGHING_FINISHED');
  });
});

describe('lot: inspection, put-away, completion', () => {
  const inspect = (result: 'passed' | 'failed'): LotCommand => ({ type: 'RecordInspection', data: { lotId, reportRef: 'CIQ-2025-0042', result, actor, at } });

  it('records an inspection once, after the tally', () => {
    spec
      .given(weighed)
      .when(inspect('passed'))
      .then([inspected[inspected.length - 1]!]);
    spec.given(inspected).when(inspect('passed')).thenRefusedWith('LOT_ALREADY_INSPECTED');
    spec.given(threeScanned).when(inspect('passed')).thenRefusedWith('TALLY_NOT_FINISHED');
  });

  it('puts weighed pieces away and refuses unweighed, misplaced or repeated ones', () => {
    spec
      .given(inspected)
      .when(putAway('SHED1-R01-S01', ['B1', 'B2']))
      .then([putAwayEvent('SHED1-R01-S01', ['B1', 'B2'])]);
    spec
      .given(tallied)
      .when(putAway('SHED1-R01-S01', ['B1']))
      .thenRefusedWith('PIECE_NOT_WEIGHED', { barcode: 'B1' });
    spec
      .given([...inspected, putAwayEvent('SHED1-R01-S01', ['B1'])])
      .when(putAway('SHED1-R01-S02', ['B1']))
      .thenRefusedWith('PIECE_ALREADY_PUT_AWAY', { locationId: 'SHED1-R01-S01' });
    spec
      .given(inspected)
      .when(putAway('SHED1-R01-S01', ['B7']))
      .thenRefusedWith('PIECE_NOT_IN_LOT');
    spec.given(inspected).when(putAway('SHED1-R01-S01', [])).thenRefusedWith('LIST_EMPTY');
  });

  it('makes the lot available with everything the receipt service needs', () => {
    spec
      .given(placed)
      .when(complete)
      .then([
        {
          type: 'LotBecameAvailable',
          data: {
            lotId,
            orderId,
            actor,
            at,
            warehouse: 'WH-SH-01',
            owner: 'SC-0001',
            commodity: rebar20Shagang,
            standardName: '螺纹钢 HRB400E Φ20 沙钢',
            brand: '沙钢',
            grade: '',
            pieces: 3,
            netKg: 6_000,
            productionDates: ['2025-02-20', '2025-02-21'],
            locations: [
              { locationId: 'SHED1-R01-S01', pieces: 2, netKg: 4_000 },
              { locationId: 'SHED1-R01-S02', pieces: 1, netKg: 2_000 },
            ],
            inspectionReportRef: 'CIQ-2025-0042',
          },
        },
      ]);
  });

  it('carries the kind of area each location is in from put-away to the lot’s facts, for storage pricing', () => {
    const putAwayIn = (locationId: string, barcodes: string[], areaKind: 'shed' | 'yard'): LotCommand => ({
      type: 'PutAwayPieces',
      data: { lotId, locationId, barcodes, areaKind, actor, at },
    });
    const decided = [putAwayIn('SHED1-R01-S01', ['B1', 'B2'], 'shed'), putAwayIn('YARD1-R01-S01', ['B3'], 'yard')].reduce(
      (events, command) => [...events, ...lotDecider.decide(command, foldEvents(lotDecider, events))],
      inspected,
    );
    const [available] = lotDecider.decide(complete, foldEvents(lotDecider, decided));
    expect(available?.type === 'LotBecameAvailable' && available.data.locations).toEqual([
      { locationId: 'SHED1-R01-S01', areaKind: 'shed', pieces: 2, netKg: 4_000 },
      { locationId: 'YARD1-R01-S01', areaKind: 'yard', pieces: 1, netKg: 2_000 },
    ]);
  });

  it('refuses completion with pieces not put away, listing what is missing', () => {
    spec
      .given([...inspected, putAwayEvent('SHED1-R01-S01', ['B1'])])
      .when(complete)
      .thenRefusedWith('RECEIVING_INCOMPLETE', {
        missing: ['put_away'],
        unplacedBarcodes: ['B2', 'B3'],
      });
    spec
      .given(tallied)
      .when(complete)
      .thenRefusedWith('RECEIVING_INCOMPLETE', { missing: ['weighing', 'inspection', 'put_away'] });
  });

  it('refuses completion of a lot that failed inspection; it can be rejected instead', () => {
    const failed = [...weighed, { type: 'LotInspected', data: { ...stamp, reportRef: 'CIQ-9', result: 'failed' } } as LotEvent];
    spec.given(failed).when(complete).thenRefusedWith('LOT_INSPECTION_FAILED', { reportRef: 'CIQ-9' });
    spec
      .given(failed)
      .when({ type: 'RejectLot', data: { lotId, reason: 'rust beyond grade', actor, at } })
      .then([{ type: 'LotRejected', data: { ...stamp, reason: 'rust beyond grade', barcodes: ['B1', 'B2', 'B3'] } }]);
  });

  it('accepts nothing more once available', () => {
    const available = [...placed, ...lotDecider.decide(complete, foldEvents(lotDecider, placed))];
    spec.given(available).when(complete).thenRefusedWith('LOT_NOT_RECEIVING', { status: 'available' });
    spec
      .given(available)
      .when({ type: 'RejectLot', data: { lotId, reason: 'x', actor, at } })
      .thenRefusedWith('LOT_NOT_RECEIVING');
  });
});
