import {
  Decider,
  localDate,
  refuse,
  shanghaiDateOf,
  requireDistinctList,
  requireOneOf,
  requirePositiveInteger,
  requireText,
  unhandledCommand,
} from '@dw/kernel';
import { AreaKind } from '../../location/domain/location.commands';
import { validateStandardCommodity, standardNameOf } from '../../commodity/domain/standard-commodity';
import { validateBarcode } from '../../barcode/domain/barcode';
import {
  CompleteReceiving,
  FinishTally,
  FinishWeighing,
  LotCommand,
  OpenLot,
  PIECE_KINDS,
  PutAwayPieces,
  RecordInspection,
  RecordWeighing,
  RejectLot,
  ScanPiece,
} from './lot.commands';
import { LotEvent } from './lot.events';
import { evolveLot, initialLotState, Lot, LotState } from './lot.state';
import { pieceShares, validateReading } from './weighing';
import { judgeWeight, validateToleranceBps } from './weight-tolerance';

/**
 * Receiving one lot under an inbound order: pieces scanned by barcode → tally closed → weighed
 * (per piece or per vehicle) → inspected → put away → available. The order of the steps is the
 * work order's business (its workflow); the lot only refuses what is physically meaningless
 * (weighing a piece never scanned, completing with pieces unweighed or not put away).
 */
export const lotDecider: Decider<LotCommand, LotState, LotEvent> = {
  initialState: initialLotState,
  evolve: evolveLot,
  decide(command, state) {
    switch (command.type) {
      case 'OpenLot':
        return openLot(command, state);
      case 'ScanPiece':
        return scanPiece(command, receiving(state));
      case 'FinishTally':
        return finishTally(command, receiving(state));
      case 'RecordWeighing':
        return recordWeighing(command, receiving(state));
      case 'FinishWeighing':
        return finishWeighing(command, receiving(state));
      case 'RecordInspection':
        return recordInspection(command, receiving(state));
      case 'PutAwayPieces':
        return putAway(command, receiving(state));
      case 'CompleteReceiving':
        return complete(command, receiving(state));
      case 'RejectLot':
        return reject(command, receiving(state));
      default:
        return unhandledCommand(command);
    }
  },
};

function openLot(command: OpenLot, state: LotState): LotEvent[] {
  if (state.status !== 'none') throw refuse.conflict('LOT_EXISTS', `lot ${state.lotId} already exists`, { status: state.status });
  const data = command.data;
  for (const flag of ['scaleReadingRequired', 'inspectionRequired'] as const) {
    if (typeof data[flag] !== 'boolean') throw refuse.invalid('FIELD_REQUIRED', `${flag} must be true or false`, flag);
  }
  return [
    {
      type: 'LotOpened',
      data: {
        lotId: requireText(data.lotId, 'lotId'),
        orderId: requireText(data.orderId, 'orderId'),
        warehouse: requireText(data.warehouse, 'warehouse'),
        owner: requireText(data.owner, 'owner'),
        commodity: validateStandardCommodity(data.commodity),
        expectedPieces: requirePositiveInteger(data.expectedPieces, 'expectedPieces'),
        expectedKg: requirePositiveInteger(data.expectedKg, 'expectedKg'),
        scaleReadingRequired: data.scaleReadingRequired,
        inspectionRequired: data.inspectionRequired,
        toleranceBps: validateToleranceBps(data.toleranceBps),
        actor: data.actor,
        at: data.at,
      },
    },
  ];
}

function scanPiece(command: ScanPiece, lot: Lot): LotEvent[] {
  // rules INV-BARCODE-UNIQUE, INV-PRODUCTION-DATE-NOT-FUTURE, INV-TALLY-CLOSE
  if (lot.tallyFinished) throw refuse.conflict('TALLY_FINISHED', `the tally of lot ${lot.lotId} is closed`, { lotId: lot.lotId });
  const barcode = validateBarcode(command.data.barcode);
  const scanned = lot.pieces.find((piece) => piece.barcode === barcode);
  if (scanned) {
    throw refuse.conflict('DUPLICATE_BARCODE', `barcode ${barcode} is already on a piece of lot ${lot.lotId}`, {
      barcode,
      lotId: lot.lotId,
      claimedAt: scanned.scannedAt,
    });
  }
  const kind = requireOneOf(command.data.kind, PIECE_KINDS, 'kind');
  const productionDate = localDate(command.data.productionDate, 'productionDate');
  const today = shanghaiDateOf(new Date(command.data.at), 'at');
  if (productionDate > today) {
    throw refuse.invalid('PRODUCTION_DATE_IN_FUTURE', `production date ${productionDate} is after today (${today})`, 'productionDate', {
      productionDate,
      today,
    });
  }
  return [{ type: 'PieceScanned', data: { ...stamp(lot, command), barcode, kind, productionDate } }];
}

function finishTally(command: FinishTally, lot: Lot): LotEvent[] {
  // rule INV-TALLY-CLOSE
  if (lot.tallyFinished) throw refuse.conflict('TALLY_FINISHED', `the tally of lot ${lot.lotId} is closed`, { lotId: lot.lotId });
  if (lot.pieces.length === 0) throw refuse.conflict('TALLY_EMPTY', `no piece of lot ${lot.lotId} has been scanned`, { lotId: lot.lotId });
  return [{ type: 'TallyFinished', data: { ...stamp(lot, command), pieces: lot.pieces.length, expectedPieces: lot.expectedPieces } }];
}

function recordWeighing(command: RecordWeighing, lot: Lot): LotEvent[] {
  // rules INV-SCALE-ONLY-WEIGHTS, INV-WEIGH-ONCE
  if (lot.weighed) throw refuse.conflict('WEIGHING_FINISHED', `weighing of lot ${lot.lotId} is closed`, { lotId: lot.lotId });
  const reading = validateReading(command.data.reading);
  // Scales send weights straight to the system: where the workflow requires a scale reading, a
  // hand-typed or unverifiable weight is refused.
  if (lot.scaleReadingRequired && (reading.source !== 'scale' || !reading.deviceVerified)) {
    throw refuse.invalid('SCALE_READING_REQUIRED', `lot ${lot.lotId} must be weighed by a verified scale reading`, 'reading', {
      reason: reading.source === 'manual' ? 'hand_typed' : 'unverified',
      readingId: reading.readingId,
    });
  }
  if (lot.readingIds.includes(reading.readingId)) {
    throw refuse.conflict('READING_ALREADY_RECORDED', `reading ${reading.readingId} is already recorded`, { readingId: reading.readingId });
  }
  const barcodes = reading.subject.kind === 'piece' ? [reading.subject.barcode] : reading.subject.barcodes;
  for (const barcode of barcodes) {
    const piece = lot.pieces.find((candidate) => candidate.barcode === barcode);
    if (!piece) throw refuse.conflict('PIECE_NOT_IN_LOT', `no piece ${barcode} has been scanned into lot ${lot.lotId}`, { barcode });
    if (piece.netKg !== null) {
      throw refuse.conflict('PIECE_ALREADY_WEIGHED', `piece ${barcode} was weighed by reading ${piece.readingId}`, {
        barcode,
        readingId: piece.readingId,
      });
    }
  }
  const { readingId, source, scaleId, deviceVerified, subject, grossKg, tareKg, netKg, weighedAt } = reading;
  return [
    {
      type: 'WeighingRecorded',
      data: {
        ...stamp(lot, command),
        readingId,
        source,
        scaleId,
        deviceVerified,
        subject,
        grossKg,
        tareKg,
        netKg,
        weighedAt,
        shares: pieceShares(subject, netKg),
      },
    },
  ];
}

function finishWeighing(command: FinishWeighing, lot: Lot): LotEvent[] {
  // rules INV-WEIGHING-CLOSE, INV-WEIGHT-TOLERANCE
  if (lot.weighed) throw refuse.conflict('WEIGHING_FINISHED', `weighing of lot ${lot.lotId} is closed`, { lotId: lot.lotId });
  if (!lot.tallyFinished) throw refuse.conflict('TALLY_NOT_FINISHED', `finish the tally of lot ${lot.lotId} first`, { lotId: lot.lotId });
  const unweighed = lot.pieces.filter((piece) => piece.netKg === null).map((piece) => piece.barcode);
  if (unweighed.length > 0) {
    throw refuse.conflict('PIECES_NOT_WEIGHED', `${unweighed.length} piece(s) of lot ${lot.lotId} have no weight`, { barcodes: unweighed });
  }
  const netKg = lot.pieces.reduce((sum, piece) => sum + piece.netKg!, 0);
  const verdict = judgeWeight(lot.expectedKg, netKg, lot.toleranceBps);
  const base = stamp(lot, command);
  const events: LotEvent[] = [
    {
      type: 'LotWeighed',
      data: {
        ...base,
        pieces: lot.pieces.length,
        netKg,
        expectedKg: lot.expectedKg,
        differenceKg: verdict.differenceKg,
        toleranceBps: lot.toleranceBps,
        withinTolerance: verdict.withinTolerance,
      },
    },
  ];
  if (!verdict.withinTolerance) {
    events.push({
      type: 'WeightToleranceExceeded',
      data: {
        ...base,
        warehouse: lot.warehouse,
        owner: lot.owner,
        expectedKg: lot.expectedKg,
        netKg,
        differenceKg: verdict.differenceKg,
        toleranceBps: lot.toleranceBps,
        allowedDifferenceKg: verdict.allowedDifferenceKg,
      },
    });
  }
  return events;
}

function recordInspection(command: RecordInspection, lot: Lot): LotEvent[] {
  // rule INV-INSPECT-ONCE
  if (!lot.tallyFinished) throw refuse.conflict('TALLY_NOT_FINISHED', `finish the tally of lot ${lot.lotId} first`, { lotId: lot.lotId });
  if (lot.inspection) {
    throw refuse.conflict('LOT_ALREADY_INSPECTED', `lot ${lot.lotId} was inspected under report ${lot.inspection.reportRef}`, {
      reportRef: lot.inspection.reportRef,
      result: lot.inspection.result,
    });
  }
  const reportRef = requireText(command.data.reportRef, 'reportRef');
  const result = requireOneOf(command.data.result, ['passed', 'failed'] as const, 'result');
  return [{ type: 'LotInspected', data: { ...stamp(lot, command), reportRef, result } }];
}

function putAway(command: PutAwayPieces, lot: Lot): LotEvent[] {
  // rule INV-PUT-AWAY-WEIGHED
  const locationId = requireText(command.data.locationId, 'locationId');
  const barcodes = requireDistinctList(command.data.barcodes, 'barcodes');
  const pieces = barcodes.map((barcode) => {
    const piece = lot.pieces.find((candidate) => candidate.barcode === barcode);
    if (!piece) throw refuse.conflict('PIECE_NOT_IN_LOT', `no piece ${barcode} has been scanned into lot ${lot.lotId}`, { barcode });
    // A location's capacity is in kg as well as pieces, so a piece is placed once its weight is known.
    if (piece.netKg === null) throw refuse.conflict('PIECE_NOT_WEIGHED', `piece ${barcode} has no weight yet`, { barcode });
    if (piece.locationId) {
      throw refuse.conflict('PIECE_ALREADY_PUT_AWAY', `piece ${barcode} is already at ${piece.locationId}`, {
        barcode,
        locationId: piece.locationId,
      });
    }
    return { barcode, netKg: piece.netKg };
  });
  return [
    {
      type: 'PiecesPutAway',
      data: {
        ...stamp(lot, command),
        warehouse: lot.warehouse,
        owner: lot.owner,
        locationId,
        ...(command.data.areaKind ? { areaKind: command.data.areaKind } : {}),
        pieces,
        netKg: pieces.reduce((sum, piece) => sum + piece.netKg, 0),
      },
    },
  ];
}

function complete(command: CompleteReceiving, lot: Lot): LotEvent[] {
  // rules INV-FAILED-LOT-REJECTED, INV-LOT-COMPLETE
  if (lot.inspection?.result === 'failed') {
    throw refuse.conflict('LOT_INSPECTION_FAILED', `lot ${lot.lotId} failed inspection (${lot.inspection.reportRef}); reject it`, {
      reportRef: lot.inspection.reportRef,
    });
  }
  const unplaced = lot.pieces.filter((piece) => piece.locationId === null).map((piece) => piece.barcode);
  const missing = [
    ...(lot.tallyFinished ? [] : ['tally']),
    ...(lot.weighed ? [] : ['weighing']),
    ...(lot.inspectionRequired && !lot.inspection ? ['inspection'] : []),
    ...(unplaced.length > 0 ? ['put_away'] : []),
  ];
  if (missing.length > 0) {
    throw refuse.conflict('RECEIVING_INCOMPLETE', `lot ${lot.lotId} still needs ${missing.join(', ')}`, { missing, unplacedBarcodes: unplaced });
  }
  const byLocation = new Map<string, { locationId: string; areaKind?: AreaKind; pieces: number; netKg: number }>();
  for (const piece of lot.pieces) {
    const entry = byLocation.get(piece.locationId!) ?? {
      locationId: piece.locationId!,
      ...(piece.areaKind ? { areaKind: piece.areaKind } : {}),
      pieces: 0,
      netKg: 0,
    };
    byLocation.set(piece.locationId!, { ...entry, pieces: entry.pieces + 1, netKg: entry.netKg + piece.netKg! });
  }
  return [
    {
      type: 'LotBecameAvailable',
      data: {
        ...stamp(lot, command),
        warehouse: lot.warehouse,
        owner: lot.owner,
        commodity: lot.commodity,
        standardName: standardNameOf(lot.commodity),
        brand: lot.commodity.brand,
        grade: lot.commodity.grade,
        pieces: lot.pieces.length,
        netKg: lot.weighed!.netKg,
        productionDates: [...new Set(lot.pieces.map((piece) => piece.productionDate))].sort(),
        locations: [...byLocation.values()].sort((a, b) => (a.locationId < b.locationId ? -1 : 1)),
        inspectionReportRef: lot.inspection?.reportRef ?? null,
      },
    },
  ];
}

function reject(command: RejectLot, lot: Lot): LotEvent[] {
  const reason = requireText(command.data.reason, 'reason');
  return [{ type: 'LotRejected', data: { ...stamp(lot, command), reason, barcodes: lot.pieces.map((piece) => piece.barcode) } }];
}

function receiving(state: LotState): Lot {
  if (state.status === 'none') throw refuse.notFound('LOT_NOT_FOUND', 'no such lot');
  if (state.status !== 'receiving') {
    throw refuse.conflict('LOT_NOT_RECEIVING', `lot ${state.lotId} is ${state.status}`, { lotId: state.lotId, status: state.status });
  }
  return state;
}

function stamp(lot: Lot, command: { data: { actor: string; at: string } }) {
  return { lotId: lot.lotId, orderId: lot.orderId, actor: command.data.actor, at: command.data.at };
}
