import { DomainEvent } from '@dw/kernel';
import { AreaKind } from '../../location/domain/location.commands';
import { StandardCommodity } from '../../commodity/domain/standard-commodity';
import { PieceKind } from './lot.commands';
import { PieceShare, WeighingSubject } from './weighing';

interface Stamped {
  readonly lotId: string;
  readonly orderId: string;
  readonly actor: string;
  readonly at: string;
}

export type LotOpened = DomainEvent<
  'LotOpened',
  Stamped & {
    readonly warehouse: string;
    readonly owner: string;
    readonly commodity: StandardCommodity;
    readonly expectedPieces: number;
    readonly expectedKg: number;
    readonly scaleReadingRequired: boolean;
    readonly inspectionRequired: boolean;
    readonly toleranceBps: number;
  }
>;

export type PieceScanned = DomainEvent<'PieceScanned', Stamped & { readonly barcode: string; readonly kind: PieceKind; readonly productionDate: string }>;

export type TallyFinished = DomainEvent<'TallyFinished', Stamped & { readonly pieces: number; readonly expectedPieces: number }>;

export type WeighingRecorded = DomainEvent<
  'WeighingRecorded',
  Stamped & {
    readonly readingId: string;
    readonly source: 'scale' | 'manual';
    readonly scaleId: string | null;
    readonly deviceVerified: boolean;
    readonly subject: WeighingSubject;
    readonly grossKg: number;
    readonly tareKg: number;
    readonly netKg: number;
    readonly weighedAt: string;
    readonly shares: readonly PieceShare[];
  }
>;

export type LotWeighed = DomainEvent<
  'LotWeighed',
  Stamped & {
    readonly pieces: number;
    readonly netKg: number;
    readonly expectedKg: number;
    readonly differenceKg: number;
    readonly toleranceBps: number;
    readonly withinTolerance: boolean;
  }
>;

/** Alarm for operations: the lot's net is outside the tolerance against the notice. It is still recorded. */
export type WeightToleranceExceeded = DomainEvent<
  'WeightToleranceExceeded',
  Stamped & {
    readonly warehouse: string;
    readonly owner: string;
    readonly expectedKg: number;
    readonly netKg: number;
    readonly differenceKg: number;
    readonly toleranceBps: number;
    readonly allowedDifferenceKg: number;
  }
>;

export type LotInspected = DomainEvent<'LotInspected', Stamped & { readonly reportRef: string; readonly result: 'passed' | 'failed' }>;

export type PiecesPutAway = DomainEvent<
  'PiecesPutAway',
  Stamped & {
    readonly warehouse: string;
    readonly owner: string;
    readonly locationId: string;
    /** The kind of area the location is in; absent on events recorded before it was kept. */
    readonly areaKind?: AreaKind;
    readonly pieces: readonly PieceShare[];
    readonly netKg: number;
  }
>;

/** What the receipt service consumes to issue receipts: the lot as it now stands in store. */
export type LotBecameAvailable = DomainEvent<
  'LotBecameAvailable',
  Stamped & {
    readonly warehouse: string;
    readonly owner: string;
    readonly commodity: StandardCommodity;
    readonly standardName: string;
    readonly brand: string;
    readonly grade: string;
    readonly pieces: number;
    readonly netKg: number;
    /** Distinct production dates of its pieces, ascending (receipts limit their span). */
    readonly productionDates: readonly string[];
    readonly locations: readonly { readonly locationId: string; readonly areaKind?: AreaKind; readonly pieces: number; readonly netKg: number }[];
    readonly inspectionReportRef: string | null;
  }
>;

export type LotRejected = DomainEvent<'LotRejected', Stamped & { readonly reason: string; readonly barcodes: readonly string[] }>;

export type LotEvent =
  | LotOpened
  | PieceScanned
  | TallyFinished
  | WeighingRecorded
  | LotWeighed
  | WeightToleranceExceeded
  | LotInspected
  | PiecesPutAway
  | LotBecameAvailable
  | LotRejected;
