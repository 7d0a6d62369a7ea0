import fc from 'fast-check';
import { pieceShares, validateReading, WeighingReading } from './weighing';
import { pieceReading } from './lot.test-fixtures';

const vehicle = (barcodes: string[], grossKg: number, tareKg: number): WeighingReading => ({
  ...pieceReading('B1', 1),
  subject: { kind: 'vehicle', vehicle: '沪A12345', barcodes },
  grossKg,
  tareKg,
});

describe('validateReading', () => {
  it('computes net = gross − tare', () => {
    // truck on the weighbridge: 38,500 kg loaded − 32,499 kg empty = 6,001 kg of goods
    expect(validateReading(vehicle(['B1', 'B2', 'B3'], 38_500, 32_499)).netKg).toBe(6_001);
  });

  it('refuses a tare at or above the gross', () => {
    expect(() => validateReading(vehicle(['B1'], 15_000, 15_000))).toThrow(
      expect.objectContaining({ code: 'NET_WEIGHT_NOT_POSITIVE', field: 'reading.tareKg' }),
    );
  });

  it('refuses fractional or negative kilograms', () => {
    expect(() => validateReading({ ...pieceReading('B1', 2_000), grossKg: 2_050.5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_WEIGHT', field: 'reading.grossKg' }),
    );
    expect(() => validateReading({ ...pieceReading('B1', 2_000), tareKg: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_WEIGHT', field: 'reading.tareKg' }),
    );
  });

  it('refuses a scale reading with no scale id, a reading time without zone, and a vehicle listing a piece twice', () => {
    expect(() => validateReading({ ...pieceReading('B1', 2_000), scaleId: null })).toThrow(
      expect.objectContaining({ code: 'FIELD_REQUIRED', field: 'reading.scaleId' }),
    );
    expect(() => validateReading({ ...pieceReading('B1', 2_000), weighedAt: '2025-03-04 10:55' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INSTANT' }),
    );
    expect(() => validateReading(vehicle(['B1', 'B1'], 20_000, 15_000))).toThrow(expect.objectContaining({ code: 'LIST_HAS_REPEATS' }));
  });

  it('never marks a hand-typed weight as device-verified', () => {
    expect(validateReading({ ...pieceReading('B1', 2_000), source: 'manual', deviceVerified: true }).deviceVerified).toBe(false);
  });
});

describe('pieceShares', () => {
  it('gives a piece reading its whole net', () => {
    expect(pieceShares({ kind: 'piece', barcode: 'B1' }, 2_013)).toEqual([{ barcode: 'B1', netKg: 2_013 }]);
  });

  it('splits a vehicle net evenly, the remainder kg to the first pieces listed', () => {
    // 6,001 kg over 3 bundles: floor(6,001 / 3) = 2,000 each, 1 kg left over goes to the first
    expect(pieceShares({ kind: 'vehicle', vehicle: 'v', barcodes: ['B3', 'B1', 'B2'] }, 6_001)).toEqual([
      { barcode: 'B3', netKg: 2_001 },
      { barcode: 'B1', netKg: 2_000 },
      { barcode: 'B2', netKg: 2_000 },
    ]);
  });

  it('always adds up to the net exactly, with shares at most 1 kg apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 10_000_000 }), (count, netKg) => {
        const barcodes = Array.from({ length: count }, (_, i) => `P${i}`);
        const shares = pieceShares({ kind: 'vehicle', vehicle: 'v', barcodes }, netKg).map((share) => share.netKg);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(netKg);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
