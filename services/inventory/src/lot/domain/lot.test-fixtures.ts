import { rebar20Shagang } from '../../commodity/domain/commodity.test-fixtures';
import { LotEvent } from './lot.events';
import { WeighingReading } from './weighing';

/** A lot of three rebar bundles expected at 6,000 kg under inbound order wo-1, ±30 bp. */
export const at = '2025-03-04T03:00:00Z';
export const actor = 'operator-12';
export const lotId = 'lot-1';
export const orderId = 'wo-1';
export const stamp = { lotId, orderId, actor, at };

export const opened: LotEvent = {
  type: 'LotOpened',
  data: {
    ...stamp,
    warehouse: 'WH-SH-01',
    owner: 'SC-0001',
    commodity: rebar20Shagang,
    expectedPieces: 3,
    expectedKg: 6_000,
    scaleReadingRequired: true,
    inspectionRequired: true,
    toleranceBps: 30,
  },
};

export const scanned = (barcode: string, productionDate = '2025-02-20'): LotEvent => ({
  type: 'PieceScanned',
  data: { ...stamp, barcode, kind: 'bundle', productionDate },
});

export const threeScanned: LotEvent[] = [opened, scanned('B1'), scanned('B2', '2025-02-21'), scanned('B3', '2025-02-21')];
export const tallied: LotEvent[] = [...threeScanned, { type: 'TallyFinished', data: { ...stamp, pieces: 3, expectedPieces: 3 } }];

/** A verified hook-scale reading of one bundle: gross − 50 kg sling tare. */
export const pieceReading = (barcode: string, netKg: number, readingId = `r-${barcode}`): WeighingReading => ({
  readingId,
  source: 'scale',
  scaleId: 'hook-scale-2',
  deviceVerified: true,
  subject: { kind: 'piece', barcode },
  grossKg: netKg + 50,
  tareKg: 50,
  weighedAt: '2025-03-04T02:55:00Z',
});

export const weighedEvent = (barcode: string, netKg: number): LotEvent => {
  const reading = pieceReading(barcode, netKg);
  return { type: 'WeighingRecorded', data: { ...stamp, ...reading, netKg, shares: [{ barcode, netKg }] } };
};

/** Tallied, each bundle weighed 2,000 kg, weighing closed at exactly the 6,000 kg expected. */
export const weighed: LotEvent[] = [
  ...tallied,
  weighedEvent('B1', 2_000),
  weighedEvent('B2', 2_000),
  weighedEvent('B3', 2_000),
  {
    type: 'LotWeighed',
    data: { ...stamp, pieces: 3, netKg: 6_000, expectedKg: 6_000, differenceKg: 0, toleranceBps: 30, withinTolerance: true },
  },
];

export const inspected: LotEvent[] = [...weighed, { type: 'LotInspected', data: { ...stamp, reportRef: 'CIQ-2025-0042', result: 'passed' } }];

export const putAwayEvent = (locationId: string, barcodes: string[]): LotEvent => ({
  type: 'PiecesPutAway',
  data: {
    ...stamp,
    warehouse: 'WH-SH-01',
    owner: 'SC-0001',
    locationId,
    pieces: barcodes.map((barcode) => ({ barcode, netKg: 2_000 })),
    netKg: 2_000 * barcodes.length,
  },
});

export const placed: LotEvent[] = [...inspected, putAwayEvent('SHED1-R01-S01', ['B1', 'B2']), putAwayEvent('SHED1-R01-S02', ['B3'])];
