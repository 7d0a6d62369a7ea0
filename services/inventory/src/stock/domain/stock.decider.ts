import { evidenceGap, evidenceRefusal, validateEvidence } from '../../stocktake/domain/variance-evidence';
import { Decider, refuse, requireOneOf, requireText, unhandledCommand } from '@dw/kernel';
import { addQuantities, fitsWithin, NO_GOODS, Quantity, subtractQuantities, validateQuantity } from './quantity';
import { HOLD_KINDS, HoldKind, StockCommand } from './stock.commands';
import { StockEvent } from './stock.events';

export interface Hold {
  readonly holdId: string;
  readonly kind: HoldKind;
  readonly quantity: Quantity;
  readonly reason: string;
  readonly holder: string;
  readonly placedBy: string;
  readonly placedAt: string;
}

export interface Stock {
  readonly status: 'active';
  readonly lotId: string;
  readonly warehouse: string;
  readonly owner: string;
  readonly commodityCode: string;
  readonly received: Quantity;
  readonly shippedOut: Quantity;
  /** Sum of the stocktake corrections applied (signed). */
  readonly variance: Quantity;
  /** received − shipped out + variance */
  readonly onHand: Quantity;
  /** Holds not yet released. */
  readonly holds: Readonly<Record<string, Hold>>;
  readonly holdIdsUsed: readonly string[];
  readonly varianceIdsApplied: readonly string[];
}

export type StockState = { readonly status: 'none' } | Stock;

/** What a lot's stock stands at: on hand = reserved + frozen + available. */
export interface StockLevels {
  readonly onHand: Quantity;
  readonly reserved: Quantity;
  readonly frozen: Quantity;
  readonly available: Quantity;
}

export function stockLevels(stock: Stock): StockLevels {
  // rule INV-STOCK-BALANCE
  const held = (kind: HoldKind) =>
    Object.values(stock.holds)
      .filter((hold) => hold.kind === kind)
      .reduce((sum, hold) => addQuantities(sum, hold.quantity), NO_GOODS);
  const reserved = held('reservation');
  const frozen = held('freeze');
  return { onHand: stock.onHand, reserved, frozen, available: subtractQuantities(stock.onHand, addQuantities(reserved, frozen)) };
}

/**
 * Stock of one lot (one stream per lot). Invariants, kept by refusing what would break them:
 * on hand = received − shipped out ± stocktake variances, and reserved + frozen ≤ on hand, in
 * pieces and in kg. A stocktake loss larger than what is unheld is refused until the holder
 * releases: the variance itself stays recorded in the stocktake, the book waits.
 */
export const stockDecider: Decider<StockCommand, StockState, StockEvent> = {
  // rule INV-STOCK-BALANCE
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    if (event.type === 'StockReceived') {
      const { lotId, warehouse, owner, commodityCode, quantity } = event.data;
      return {
        status: 'active',
        lotId,
        warehouse,
        owner,
        commodityCode,
        received: quantity,
        shippedOut: NO_GOODS,
        variance: NO_GOODS,
        onHand: quantity,
        holds: {},
        holdIdsUsed: [],
        varianceIdsApplied: [],
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'HoldPlaced': {
        const { holdId, kind, quantity, reason, holder, actor, at } = event.data;
        const hold: Hold = { holdId, kind, quantity, reason, holder, placedBy: actor, placedAt: at };
        return { ...state, holds: { ...state.holds, [holdId]: hold }, holdIdsUsed: [...state.holdIdsUsed, holdId] };
      }
      case 'HoldReleased': {
        const { [event.data.holdId]: _released, ...holds } = state.holds;
        return { ...state, holds };
      }
      case 'StockShippedOut':
        return {
          ...state,
          shippedOut: addQuantities(state.shippedOut, event.data.quantity),
          onHand: subtractQuantities(state.onHand, event.data.quantity),
        };
      case 'StockVarianceApplied':
        return {
          ...state,
          variance: addQuantities(state.variance, event.data.delta),
          onHand: addQuantities(state.onHand, event.data.delta),
          varianceIdsApplied: [...state.varianceIdsApplied, event.data.varianceId],
        };
    }
  },

  decide(command, state) {
    const { actor, at } = command.data;
    if (command.type === 'ReceiveStock') {
      if (state.status !== 'none') throw refuse.conflict('STOCK_EXISTS', `lot ${state.lotId} is already in stock`);
      return [
        {
          type: 'StockReceived',
          data: {
            lotId: requireText(command.data.lotId, 'lotId'),
            orderId: requireText(command.data.orderId, 'orderId'),
            warehouse: requireText(command.data.warehouse, 'warehouse'),
            owner: requireText(command.data.owner, 'owner'),
            commodityCode: requireText(command.data.commodityCode, 'commodityCode'),
            quantity: validateQuantity(command.data.quantity, 'quantity'),
            actor,
            at,
          },
        },
      ];
    }
    // A release on a lot with no stock answers like any hold the caller does not hold, so the
    // release route (open to every person) does not tell which lots exist.
    if (state.status === 'none' && command.type === 'ReleaseHold') throw noHoldOfTheCaller(command.data.lotId, command.data.holdId);
    if (state.status === 'none') throw refuse.notFound('STOCK_NOT_FOUND', 'no stock for this lot');
    const lotId = state.lotId;
    switch (command.type) {
      case 'PlaceHold': {
        // rule INV-HOLDS-WITHIN-AVAILABLE
        const holdId = requireText(command.data.holdId, 'holdId');
        if (state.holdIdsUsed.includes(holdId)) throw refuse.conflict('HOLD_EXISTS', `hold ${holdId} was already placed on lot ${lotId}`, { holdId });
        const kind = requireOneOf(command.data.kind, HOLD_KINDS, 'kind');
        const reason = requireText(command.data.reason, 'reason');
        const holder = requireText(command.data.holder, 'holder');
        const quantity = validateQuantity(command.data.quantity, 'quantity');
        // rule INV-ONE-ENCUMBRANCE-MODEL
        if (command.data.backingReceipt !== null) {
          throw refuse.conflict('HOLD_ON_RECEIPT_GOODS', `lot ${lotId} backs receipt ${command.data.backingReceipt}: pledge or freeze the receipt instead`, {
            lotId,
            receiptNumber: command.data.backingReceipt,
          });
        }
        mustBeAvailable(state, quantity);
        return [{ type: 'HoldPlaced', data: { lotId, holdId, kind, quantity, reason, holder, actor, at } }];
      }
      case 'ReleaseHold': {
        // rule INV-HOLD-RELEASE-BY-HOLDER
        const holdId = requireText(command.data.holdId, 'holdId');
        const requestedBy = requireText(command.data.holder, 'holder');
        const hold = state.holds[holdId];
        // Only the holder releases a hold. Anyone else is told what a missing hold tells: that
        // the caller holds no such hold, never that another party does, nor which.
        if (!hold || hold.holder !== requestedBy) throw noHoldOfTheCaller(lotId, holdId);
        return [{ type: 'HoldReleased', data: { lotId, holdId, kind: hold.kind, quantity: hold.quantity, holder: hold.holder, actor, at } }];
      }
      case 'ShipOut': {
        // rule INV-SHIP-UNHELD-ONLY
        // rule INV-SHIP-UNDER-ENTITLEMENT
        const quantity = validateQuantity(command.data.quantity, 'quantity');
        const orderId = requireText(command.data.orderId, 'orderId');
        mustLeaveUnderItsTitle(lotId, orderId, command.data.title, command.data.orderEntitlementId);
        mustBeAvailable(state, quantity);
        return [{ type: 'StockShippedOut', data: { lotId, orderId, quantity, actor, at } }];
      }
      case 'ApplyStocktakeVariance': {
        // rule INV-STOCKTAKE-LOSS-UNHELD
        const varianceId = requireText(command.data.varianceId, 'varianceId');
        if (state.varianceIdsApplied.includes(varianceId)) {
          throw refuse.conflict('VARIANCE_ALREADY_APPLIED', `variance ${varianceId} is already in the book of lot ${lotId}`, { varianceId });
        }
        const delta = validateQuantity(command.data.delta, 'delta', true);
        // rules INV-WRITE-OFF-APPROVED, INV-VARIANCE-WEIGHT-EVIDENCE: the book itself takes no
        // correction without its evidence, whoever asks.
        const evidence = validateEvidence(command.data.evidence);
        const gap = evidenceGap(delta, evidence);
        if (gap) throw evidenceRefusal(gap, [varianceId]);
        // A loss comes out of what is not held; a gain is always accepted.
        if (delta.pieces < 0 || delta.kg < 0) mustBeAvailable(state, { pieces: Math.max(0, -delta.pieces), kg: Math.max(0, -delta.kg) });
        return [
          {
            type: 'StockVarianceApplied',
            data: {
              lotId,
              stocktakeId: requireText(command.data.stocktakeId, 'stocktakeId'),
              varianceId,
              delta,
              reason: requireText(command.data.reason, 'reason'),
              evidence,
              goodsUnder: command.data.goodsUnder,
              actor,
              at,
            },
          },
        ];
      }
      default:
        return unhandledCommand(command);
    }
  },
};

function mustBeAvailable(stock: Stock, asked: Quantity): void {
  // rule INV-HOLDS-WITHIN-AVAILABLE
  const { available } = stockLevels(stock);
  if (!fitsWithin(asked, available)) {
    throw refuse.conflict('INSUFFICIENT_AVAILABLE', `lot ${stock.lotId} has ${available.pieces} pieces / ${available.kg} kg available`, {
      lotId: stock.lotId,
      asked,
      available,
    });
  }
}

/**
 * Goods that back a live receipt never ship: the receipt must be cancelled first (注销). Goods of
 * a cancelled receipt ship only under the outbound order opened from its entitlement.
 */
function mustLeaveUnderItsTitle(
  lotId: string,
  orderId: string,
  title: { readonly backingReceipt: string | null; readonly entitlementId: string | null },
  orderEntitlementId: string | null,
): void {
  // rule INV-SHIP-UNDER-ENTITLEMENT
  if (title.backingReceipt !== null) {
    throw refuse.conflict('LOT_BACKS_RECEIPT', `lot ${lotId} backs receipt ${title.backingReceipt}: it leaves only after the receipt is cancelled`, {
      lotId,
      receiptNumber: title.backingReceipt,
    });
  }
  if (title.entitlementId !== null && orderEntitlementId !== title.entitlementId) {
    throw refuse.forbidden('ENTITLEMENT_NOT_CARRIED', `lot ${lotId} leaves only under the outbound order of entitlement ${title.entitlementId}`, {
      lotId,
      orderId,
      entitlementId: title.entitlementId,
    });
  }
}

const noHoldOfTheCaller = (lotId: string, holdId: string) =>
  refuse.notFound('HOLD_NOT_FOUND', `lot ${lotId} has no hold ${holdId} held by the caller`, { holdId });
