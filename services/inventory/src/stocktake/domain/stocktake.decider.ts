import { Decider, kg, refuse, requireDistinctList, requireText, unhandledCommand } from '@dw/kernel';
import { validateBarcode } from '../../barcode/domain/barcode';
import { validateToleranceBps } from '../../lot/domain/weight-tolerance';
import { BookEntry, StocktakeCommand } from './stocktake.commands';
import { StocktakeEvent } from './stocktake.events';
import { CountedPiece, findVariances } from './stocktake-variances';

export interface Stocktake {
  readonly status: 'counting' | 'counted' | 'closed';
  readonly stocktakeId: string;
  readonly orderId: string;
  readonly warehouse: string;
  readonly locationIds: readonly string[];
  /** The book snapshot taken at the start; never changed afterwards. */
  readonly book: readonly BookEntry[];
  readonly toleranceBps: number;
  readonly counted: readonly CountedPiece[];
  /** varianceId → its explanations, oldest first. */
  readonly variances: Readonly<Record<string, readonly string[]>>;
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
      return { status: 'counting', stocktakeId, orderId, warehouse, locationIds, book, toleranceBps, counted: [], variances: {} };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'PieceCounted': {
        const { barcode, locationId, weighedKg } = event.data;
        return { ...state, counted: [...state.counted, { barcode, locationId, weighedKg }] };
      }
      case 'StocktakeCountFinished':
        return { ...state, status: 'counted' };
      case 'StocktakeVarianceFound':
        return { ...state, variances: { ...state.variances, [event.data.varianceId]: [] } };
      case 'StocktakeVarianceExplained': {
        const { varianceId, explanation } = event.data;
        return { ...state, variances: { ...state.variances, [varianceId]: [...(state.variances[varianceId] ?? []), explanation] } };
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
      const book = validateBook(command.data.book ?? [], locationIds);
      return [
        {
          type: 'StocktakeStarted',
          data: {
            stocktakeId: requireText(command.data.stocktakeId, 'stocktakeId'),
            orderId: requireText(command.data.orderId, 'orderId'),
            warehouse: requireText(command.data.warehouse, 'warehouse'),
            locationIds,
            book,
            toleranceBps: validateToleranceBps(command.data.toleranceBps),
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
        if (!state.variances[varianceId]) {
          throw refuse.notFound('VARIANCE_NOT_FOUND', `stocktake ${state.stocktakeId} found no variance ${varianceId}`, { varianceId });
        }
        return [{ type: 'StocktakeVarianceExplained', data: { ...base, varianceId, explanation: requireText(command.data.explanation, 'explanation') } }];
      }
      case 'CloseStocktake': {
        // rule INV-STOCKTAKE-EXPLAINED
        mustBe(state, 'counted');
        const unexplained = Object.entries(state.variances)
          .filter(([, explanations]) => explanations.length === 0)
          .map(([varianceId]) => varianceId);
        if (unexplained.length > 0) {
          throw refuse.conflict('VARIANCES_UNEXPLAINED', `${unexplained.length} variance(s) still need a reason`, { varianceIds: unexplained });
        }
        return [{ type: 'StocktakeClosed', data: { ...base, variances: Object.keys(state.variances).length } }];
      }
      default:
        return unhandledCommand(command);
    }
  },
};

function validateBook(book: readonly BookEntry[], locationIds: readonly string[]): BookEntry[] {
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
