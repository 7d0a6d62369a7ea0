import { Decider, kg, refuse, requireDistinctList, requireText, unhandledCommand } from '@dw/kernel';
import { validateBarcode } from '../../barcode/domain/barcode';
import { pieceShares, validateReading } from '../../lot/domain/weighing';
import { validateToleranceBps } from '../../lot/domain/weight-tolerance';
import { Quantity } from '../../stock/domain/quantity';
import { BookEntry, StocktakeCommand } from './stocktake.commands';
import { StocktakeEvent } from './stocktake.events';
import { CountedPiece, findVariances } from './stocktake-variances';
import { EvidenceGap, evidenceGap, evidenceRefusal, ManagerApproval, ScaleEvidence, VarianceEvidence } from './variance-evidence';

/** What the stocktake knows of a variance it found: the change it would make to the book, and its evidence so far. */
export interface FoundVariance {
  readonly delta: Quantity;
  readonly reading: ScaleEvidence | null;
  readonly explanations: readonly string[];
  readonly approval: ManagerApproval | null;
}

export interface Stocktake {
  readonly status: 'counting' | 'counted' | 'closed';
  readonly stocktakeId: string;
  readonly orderId: string;
  readonly warehouse: string;
  readonly locationIds: readonly string[];
  /** The book snapshot taken at the start; never changed afterwards. */
  readonly book: readonly BookEntry[];
  readonly toleranceBps: number | null;
  readonly counted: readonly CountedPiece[];
  /** Scale reading ids recorded during the count: each once. */
  readonly readingIds: readonly string[];
  /** Who counted pieces or finished the count: none of them may approve its variances. */
  readonly counters: readonly string[];
  /** varianceId → its explanations (oldest first), delta and evidence. */
  readonly variances: Readonly<Record<string, FoundVariance>>;
}

export type StocktakeState = { readonly status: 'none' } | Stocktake;

/**
 * A stocktake under a stocktake order: count by scan → variances found → each explained → closed.
 * Variances are facts in this stream; the stock book changes only by applying them to a lot's
 * stock as new events (ApplyStocktakeVariance), so what the book said stays on record.
 */
export const stocktakeDecider: Decider<StocktakeCommand, StocktakeState, StocktakeEvent> = {
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    if (event.type === 'StocktakeStarted') {
      const { stocktakeId, orderId, warehouse, locationIds, book, toleranceBps } = event.data;
      return {
        status: 'counting',
        stocktakeId,
        orderId,
        warehouse,
        locationIds,
        book,
        toleranceBps,
        counted: [],
        readingIds: [],
        counters: [],
        variances: {},
      };
    }
    if (state.status === 'none') return state;
    const withCounter = (actor: string) => (state.counters.includes(actor) ? state.counters : [...state.counters, actor]);
    const updated = (varianceId: string, change: (variance: FoundVariance) => Partial<FoundVariance>) => {
      const variance = state.variances[varianceId]!;
      return { ...state.variances, [varianceId]: { ...variance, ...change(variance) } };
    };
    switch (event.type) {
      case 'PieceCounted': {
        const { barcode, locationId, weighedKg, actor } = event.data;
        return { ...state, counted: [...state.counted, { barcode, locationId, weighedKg, reading: null }], counters: withCounter(actor) };
      }
      case 'CountedPiecesWeighed': {
        const { readingId, scaleId, pieces } = event.data;
        const shares = new Map(pieces.map((piece) => [piece.barcode, piece.netKg]));
        const counted = state.counted.map((piece) =>
          shares.has(piece.barcode) ? { ...piece, weighedKg: shares.get(piece.barcode)!, reading: { scaleId, readingId } } : piece,
        );
        return { ...state, counted, readingIds: [...state.readingIds, readingId] };
      }
      case 'StocktakeCountFinished':
        return { ...state, status: 'counted', counters: withCounter(event.data.actor) };
      case 'StocktakeVarianceFound': {
        const { varianceId, delta, reading } = event.data;
        return { ...state, variances: { ...state.variances, [varianceId]: { delta, reading: reading ?? null, explanations: [], approval: null } } };
      }
      case 'StocktakeVarianceExplained': {
        const { varianceId, explanation } = event.data;
        return { ...state, variances: updated(varianceId, (variance) => ({ explanations: [...variance.explanations, explanation] })) };
      }
      case 'StocktakeVarianceApproved': {
        const { varianceId, reason, actor, at } = event.data;
        return { ...state, variances: updated(varianceId, () => ({ approval: { approver: actor, reason, at } })) };
      }
      case 'StocktakeClosed':
        return { ...state, status: 'closed' };
    }
  },

  decide(command, state) {
    const { actor, at } = command.data;
    if (command.type === 'StartStocktake') {
      if (state.status !== 'none') throw refuse.conflict('STOCKTAKE_EXISTS', `stocktake ${state.stocktakeId} already exists`);
      const locationIds = requireDistinctList(command.data.locationIds, 'locationIds');
      const book = validateBook(command.data.book ?? [], locationIds, command.data.toleranceBps === null);
      return [
        {
          type: 'StocktakeStarted',
          data: {
            stocktakeId: requireText(command.data.stocktakeId, 'stocktakeId'),
            orderId: requireText(command.data.orderId, 'orderId'),
            warehouse: requireText(command.data.warehouse, 'warehouse'),
            owner: requireText(command.data.owner, 'owner'),
            locationIds,
            book,
            toleranceBps: command.data.toleranceBps === null ? null : validateToleranceBps(command.data.toleranceBps),
            actor,
            at,
          },
        },
      ];
    }
    if (state.status === 'none') throw refuse.notFound('STOCKTAKE_NOT_FOUND', 'no such stocktake');
    const base = { stocktakeId: state.stocktakeId, orderId: state.orderId, actor, at };
    switch (command.type) {
      case 'CountPiece': {
        // rule INV-STOCKTAKE-SCOPE
        mustBe(state, 'counting');
        const barcode = validateBarcode(command.data.barcode);
        const locationId = requireText(command.data.locationId, 'locationId');
        if (!state.locationIds.includes(locationId)) {
          throw refuse.conflict('LOCATION_NOT_IN_SCOPE', `${locationId} is not counted by stocktake ${state.stocktakeId}`, {
            locationId,
            locationIds: state.locationIds,
          });
        }
        const earlier = state.counted.find((piece) => piece.barcode === barcode);
        if (earlier) {
          throw refuse.conflict('PIECE_ALREADY_COUNTED', `piece ${barcode} was already counted at ${earlier.locationId}`, {
            barcode,
            locationId: earlier.locationId,
          });
        }
        const weighedKg = command.data.weighedKg ?? null;
        if (weighedKg !== null && kg(weighedKg, { field: 'weighedKg' }) === 0) {
          throw refuse.invalid('POSITIVE_INTEGER_REQUIRED', 'a weighed piece weighs more than 0 kg', 'weighedKg', { value: weighedKg });
        }
        return [{ type: 'PieceCounted', data: { ...base, barcode, locationId, weighedKg } }];
      }
      case 'RecordCountWeighing':
        return recordCountWeighing(command.data.reading, state, base);
      case 'FinishCount': {
        mustBe(state, 'counting');
        const variances = findVariances(state.book, state.counted, state.toleranceBps);
        return [
          {
            type: 'StocktakeCountFinished',
            data: { ...base, bookPieces: state.book.length, countedPieces: state.counted.length, variances: variances.length },
          },
          ...variances.map((variance): StocktakeEvent => ({ type: 'StocktakeVarianceFound', data: { ...base, ...variance } })),
        ];
      }
      case 'ExplainVariance': {
        mustBe(state, 'counted');
        const varianceId = requireText(command.data.varianceId, 'varianceId');
        varianceOf(state, varianceId);
        return [{ type: 'StocktakeVarianceExplained', data: { ...base, varianceId, explanation: requireText(command.data.explanation, 'explanation') } }];
      }
      case 'ApproveVariance':
        return approveVariance(command.data.varianceId, command.data.reason, state, base);
      case 'CloseStocktake': {
        // rule INV-STOCKTAKE-EXPLAINED
        mustBe(state, 'counted');
        const unexplained = Object.entries(state.variances)
          .filter(([, variance]) => variance.explanations.length === 0)
          .map(([varianceId]) => varianceId);
        if (unexplained.length > 0) {
          throw refuse.conflict('VARIANCES_UNEXPLAINED', `${unexplained.length} variance(s) still need a reason`, { varianceIds: unexplained });
        }
        mustHaveEvidence(state);
        return [{ type: 'StocktakeClosed', data: { ...base, variances: Object.keys(state.variances).length } }];
      }
      default:
        return unhandledCommand(command);
    }
  },
};

/** The evidence a variance carries to the stock book: its scale reading and its approval. */
export function evidenceOf(variance: FoundVariance): VarianceEvidence {
  return { reading: variance.reading, approval: variance.approval };
}

function recordCountWeighing(
  given: Parameters<typeof validateReading>[0],
  state: Stocktake,
  base: { stocktakeId: string; orderId: string; actor: string; at: string },
): StocktakeEvent[] {
  // rule INV-VARIANCE-WEIGHT-EVIDENCE
  mustBe(state, 'counting');
  const reading = validateReading(given);
  if (!reading.deviceVerified) {
    throw refuse.invalid('SCALE_READING_REQUIRED', 'a stocktake weighing comes from a signed scale reading', 'reading.source', { source: reading.source });
  }
  // A vehicle reading shares its net evenly over its pieces: fine for receiving a lot as a whole,
  // but no evidence of one piece's weight against its own book weight.
  if (reading.subject.kind !== 'piece') {
    throw refuse.invalid('VALUE_NOT_ALLOWED', 'a stocktake weighs one piece at a time', 'reading.subject.kind', { allowed: ['piece'] });
  }
  if (state.readingIds.includes(reading.readingId)) {
    throw refuse.conflict('READING_ALREADY_RECORDED', `reading ${reading.readingId} is already recorded`, { readingId: reading.readingId });
  }
  const pieces = pieceShares(reading.subject, reading.netKg);
  for (const { barcode } of pieces) {
    const counted = state.counted.find((piece) => piece.barcode === barcode);
    if (!counted) throw refuse.conflict('PIECE_NOT_COUNTED', `piece ${barcode} is not counted in stocktake ${state.stocktakeId}`, { barcode });
    if (counted.reading) {
      throw refuse.conflict('PIECE_ALREADY_WEIGHED', `piece ${barcode} was already weighed by ${counted.reading.readingId}`, {
        barcode,
        readingId: counted.reading.readingId,
      });
    }
  }
  return [{ type: 'CountedPiecesWeighed', data: { ...base, readingId: reading.readingId, scaleId: reading.scaleId!, pieces, weighedAt: reading.weighedAt } }];
}

function approveVariance(
  varianceId: string,
  reason: string,
  state: Stocktake,
  base: { stocktakeId: string; orderId: string; actor: string; at: string },
): StocktakeEvent[] {
  // rule INV-WRITE-OFF-APPROVED
  mustBe(state, 'counted');
  const id = requireText(varianceId, 'varianceId');
  const variance = varianceOf(state, id);
  if (variance.delta.pieces === 0 && variance.delta.kg === 0) {
    throw refuse.conflict('VARIANCE_CHANGES_NO_STOCK', `variance ${id} changes no lot’s stock: there is nothing to approve`, { varianceId: id });
  }
  if (variance.approval) {
    throw refuse.conflict('VARIANCE_ALREADY_APPROVED', `variance ${id} was approved by ${variance.approval.approver}`, {
      varianceId: id,
      approver: variance.approval.approver,
    });
  }
  // Four eyes: whoever counted (or finished the count) vouches for it; a second person approves.
  if (state.counters.includes(base.actor)) {
    throw refuse.forbidden('APPROVER_IS_COUNTER', `${base.actor} took part in counting stocktake ${state.stocktakeId} and may not approve its variances`, {
      approver: base.actor,
    });
  }
  return [{ type: 'StocktakeVarianceApproved', data: { ...base, varianceId: id, reason: requireText(reason, 'reason') } }];
}

function mustHaveEvidence(state: Stocktake): void {
  // rules INV-WRITE-OFF-APPROVED, INV-VARIANCE-WEIGHT-EVIDENCE
  const short = new Map<EvidenceGap, string[]>();
  for (const [varianceId, variance] of Object.entries(state.variances)) {
    const gap = evidenceGap(variance.delta, evidenceOf(variance));
    if (gap) short.set(gap, [...(short.get(gap) ?? []), varianceId]);
  }
  for (const gap of ['WRITE_OFF_NOT_APPROVED', 'WEIGHT_VARIANCE_UNVERIFIED'] as const) {
    const varianceIds = short.get(gap);
    if (varianceIds) throw evidenceRefusal(gap, varianceIds);
  }
}

function varianceOf(state: Stocktake, varianceId: string): FoundVariance {
  const variance = state.variances[varianceId];
  if (!variance) throw refuse.notFound('VARIANCE_NOT_FOUND', `stocktake ${state.stocktakeId} found no variance ${varianceId}`, { varianceId });
  return variance;
}

function validateBook(book: readonly BookEntry[], locationIds: readonly string[], eachWithItsTolerance: boolean): BookEntry[] {
  // rule INV-STOCKTAKE-SCOPE
  const seen = new Set<string>();
  return book.map((entry, i) => {
    const field = `book[${i}]`;
    const barcode = validateBarcode(entry.barcode, `${field}.barcode`);
    if (seen.has(barcode)) throw refuse.invalid('LIST_HAS_REPEATS', `the book lists ${barcode} twice`, `${field}.barcode`, { repeated: barcode });
    seen.add(barcode);
    const locationId = requireText(entry.locationId, `${field}.locationId`);
    if (!locationIds.includes(locationId)) {
      throw refuse.invalid('BOOK_ENTRY_OUT_OF_SCOPE', `${barcode} is booked at ${locationId}, outside the stocktake`, `${field}.locationId`, {
        barcode,
        locationId,
      });
    }
    return {
      barcode,
      lotId: requireText(entry.lotId, `${field}.lotId`),
      owner: requireText(entry.owner, `${field}.owner`),
      locationId,
      netKg: kg(entry.netKg, { field: `${field}.netKg` }),
      ...(eachWithItsTolerance || entry.toleranceBps !== undefined ? { toleranceBps: validateToleranceBps(entry.toleranceBps!) } : {}),
    };
  });
}

function mustBe(stocktake: Stocktake, status: Stocktake['status']): void {
  if (stocktake.status !== status) {
    throw refuse.conflict('STOCKTAKE_STATUS_INVALID', `stocktake ${stocktake.stocktakeId} is ${stocktake.status}, not ${status}`, {
      status: stocktake.status,
      expected: status,
    });
  }
}
