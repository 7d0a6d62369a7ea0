import { Command } from '@dw/kernel';
import { AreaKind } from '../../location/domain/location.commands';
import { StandardCommodity } from '../../commodity/domain/standard-commodity';
import { WeighingReading } from './weighing';

/**
 * Receiving commands for one lot under an inbound work order. The handler has already asked the
 * order read model whether the order authorises the operation at this step; `actor` and `at`
 * (ISO instant) come from the caller and the Clock.
 */
interface Stamped {
  readonly lotId: string;
  readonly actor: string;
  readonly at: string;
}

export const PIECE_KINDS = ['bundle', 'coil', 'bale'] as const;
export type PieceKind = (typeof PIECE_KINDS)[number];

/**
 * Opens a lot with what the inbound order says about it: the notice's expected pieces and weight
 * and which checks the order's workflow demands.
 */
export type OpenLot = Command<
  'OpenLot',
  Stamped & {
    readonly orderId: string;
    readonly warehouse: string;
    /** The depositor's storage card. */
    readonly owner: string;
    readonly commodity: StandardCommodity;
    readonly expectedPieces: number;
    readonly expectedKg: number;
    /** The workflow's weigh step requires a scale reading: hand-typed weights are refused. */
    readonly scaleReadingRequired: boolean;
    /** The workflow requires an inspection report before the lot can become available. */
    readonly inspectionRequired: boolean;
    readonly toleranceBps: number;
  }
>;

export type ScanPiece = Command<'ScanPiece', Stamped & { readonly barcode: string; readonly kind: PieceKind; readonly productionDate: string }>;

/** Closes the tally: the pieces scanned are the pieces received. */
export type FinishTally = Command<'FinishTally', Stamped>;

export type RecordWeighing = Command<'RecordWeighing', Stamped & { readonly reading: WeighingReading }>;

/** Closes weighing: every piece has a weight; the lot's net is judged against the notice. */
export type FinishWeighing = Command<'FinishWeighing', Stamped>;

export type RecordInspection = Command<'RecordInspection', Stamped & { readonly reportRef: string; readonly result: 'passed' | 'failed' }>;

/** Records pieces placed at a location (the location's own capacity check runs alongside). */
/** `areaKind`: the kind of area the location is in, as the location's own stream says (the handler reads it). */
export type PutAwayPieces = Command<
  'PutAwayPieces',
  Stamped & { readonly locationId: string; readonly barcodes: readonly string[]; readonly areaKind?: AreaKind }
>;

export type CompleteReceiving = Command<'CompleteReceiving', Stamped>;

export type RejectLot = Command<'RejectLot', Stamped & { readonly reason: string }>;

export type LotCommand = OpenLot | ScanPiece | FinishTally | RecordWeighing | FinishWeighing | RecordInspection | PutAwayPieces | CompleteReceiving | RejectLot;
