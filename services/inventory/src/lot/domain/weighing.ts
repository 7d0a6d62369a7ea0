import { kg, refuse, requireDistinctList, requireInstant, requireOneOf, requireText } from '@dw/kernel';
import { validateBarcode } from '../../barcode/domain/barcode';

/**
 * A weighing as the scale integration (or, where allowed, a clerk) reports it. Scales sign their
 * readings with the device key; the integration endpoint verifies the signature and sets
 * `deviceVerified`, so the domain never handles keys. A vehicle weighing covers the pieces on it.
 */
export type WeighingSubject =
  { readonly kind: 'piece'; readonly barcode: string } | { readonly kind: 'vehicle'; readonly vehicle: string; readonly barcodes: readonly string[] };

export interface WeighingReading {
  readonly readingId: string;
  /** 'manual' = a weight typed by hand. */
  readonly source: 'scale' | 'manual';
  readonly scaleId: string | null;
  readonly deviceVerified: boolean;
  readonly subject: WeighingSubject;
  readonly grossKg: number;
  readonly tareKg: number;
  readonly weighedAt: string;
}

/** A piece's part of a reading: all of a piece reading, an even share of a vehicle's net. */
export interface PieceShare {
  readonly barcode: string;
  readonly netKg: number;
}

/** Validates a reading on its own (not against a lot) and returns it normalised with its net. */
export function validateReading(reading: WeighingReading): WeighingReading & { readonly netKg: number } {
  // rules INV-SCALE-ONLY-WEIGHTS, INV-NET-WEIGHT-POSITIVE
  if (!reading || typeof reading !== 'object') throw refuse.invalid('FIELD_REQUIRED', 'reading is required', 'reading');
  const source = requireOneOf(reading.source, ['scale', 'manual'] as const, 'reading.source');
  const grossKg = kg(reading.grossKg, { field: 'reading.grossKg' });
  const tareKg = kg(reading.tareKg, { field: 'reading.tareKg' });
  // net = gross − tare, and a weighing that finds no goods is a mistake, not a zero.
  const netKg = grossKg - tareKg;
  if (netKg <= 0) {
    throw refuse.invalid('NET_WEIGHT_NOT_POSITIVE', `gross ${grossKg} kg minus tare ${tareKg} kg leaves no goods`, 'reading.tareKg', {
      grossKg,
      tareKg,
    });
  }
  return {
    readingId: requireText(reading.readingId, 'reading.readingId'),
    source,
    scaleId: source === 'scale' ? requireText(reading.scaleId, 'reading.scaleId') : null,
    deviceVerified: source === 'scale' && reading.deviceVerified === true,
    subject: validateSubject(reading.subject),
    grossKg,
    tareKg,
    netKg,
    weighedAt: requireInstant(reading.weighedAt, 'reading.weighedAt'),
  };
}

function validateSubject(subject: WeighingSubject): WeighingSubject {
  if (subject?.kind === 'piece') return { kind: 'piece', barcode: validateBarcode(subject.barcode, 'reading.subject.barcode') };
  if (subject?.kind === 'vehicle') {
    const barcodes = requireDistinctList(subject.barcodes, 'reading.subject.barcodes');
    barcodes.forEach((barcode, i) => validateBarcode(barcode, `reading.subject.barcodes[${i}]`));
    return { kind: 'vehicle', vehicle: requireText(subject.vehicle, 'reading.subject.vehicle'), barcodes };
  }
  throw refuse.invalid('VALUE_NOT_ALLOWED', "reading.subject.kind must be 'piece' or 'vehicle'", 'reading.subject.kind', {
    allowed: ['piece', 'vehicle'],
  });
}

/**
 * Splits a reading's net over the pieces it weighed. A vehicle reading says nothing about single
 * pieces, so each gets an even share: floor(net / n) kg, and the remainder kg go one each to the
 * first pieces in the order the reading lists them. The shares always add up to the net exactly.
 */
export function pieceShares(subject: WeighingSubject, netKg: number): PieceShare[] {
  // rule INV-VEHICLE-SHARES
  if (subject.kind === 'piece') return [{ barcode: subject.barcode, netKg }];
  const count = subject.barcodes.length;
  const base = Math.floor(netKg / count);
  const remainder = netKg - base * count;
  return subject.barcodes.map((barcode, i) => ({ barcode, netKg: base + (i < remainder ? 1 : 0) }));
}
