import { Decider, refuse, requireOneOf, requireText, requireInstant, unhandledCommand } from '@dw/kernel';
import { requireRole } from '../../common/domain/actor';
import { assertWeightKg } from '../../common/domain/weight-kg';
import { LotBackingCommand, RecordLotShipped, RecordStockHoldPlaced, RecordStockHoldReleased } from './lot-backing.commands';
import { LotBackingEvent, STOCK_HOLD_KINDS, StockHoldKind } from './lot-backing.events';
import { LotFacts, assertLotFacts } from './lot-facts';

/**
 * One stream per lot, so "a lot backs at most one live receipt" is enforced by the stream's
 * expected version: two issuances (or a split and a cancellation) racing for the same lot
 * cannot both append.
 */
export type LotBackingState = { readonly status: 'unregistered' } | (LotStatus & { readonly stockHolds: readonly LotStockHold[] });

type LotStatus =
  | { readonly status: 'available'; readonly lot: LotFacts }
  | { readonly status: 'reserved'; readonly lot: LotFacts; readonly applicationId: string }
  | { readonly status: 'backing'; readonly lot: LotFacts; readonly receiptNumber: string }
  /** Cancelled for a pickup: the goods wait in store for the holder's outbound order under this entitlement. */
  | { readonly status: 'entitled'; readonly lot: LotFacts; readonly receiptNumber: string; readonly entitlementId: string }
  /** Cancelled to spot goods: the holder's plain stock, still in store, no longer receipt goods. */
  | { readonly status: 'spot'; readonly lot: LotFacts; readonly receiptNumber: string; readonly entitlementId: string }
  /** Every piece has left the warehouse: final. */
  | { readonly status: 'shipped'; readonly lot: LotFacts; readonly entitlementId: string | null };

/** A hold inventory placed on the lot's goods as stock (kept after release, so a late repeat of the placement cannot revive it). */
export interface LotStockHold {
  readonly holdId: string;
  readonly kind: StockHoldKind;
  readonly holder: string;
  readonly released: boolean;
}

type Registered = Exclude<LotBackingState, { status: 'unregistered' }>;

function registered(state: LotBackingState): Registered {
  if (state.status === 'unregistered') throw refuse.notFound('LOT_NOT_AVAILABLE', 'the lot is not available for receipts');
  return state;
}

function requireReservedFor(state: Registered, applicationId: string): void {
  // rule RCPT-ONE-LIVE-PER-LOT
  requireNeverCancelledOrShipped(state);
  if (state.status === 'backing') {
    throw refuse.conflict('LOT_ALREADY_BACKS_RECEIPT', `lot ${state.lot.lotId} already backs receipt ${state.receiptNumber}`, {
      lotId: state.lot.lotId,
      receiptNumber: state.receiptNumber,
    });
  }
  if (state.status !== 'reserved' || state.applicationId !== applicationId) {
    throw refuse.conflict('LOT_NOT_RESERVED_BY_APPLICATION', `lot ${state.lot.lotId} is not held for application ${applicationId}`, {
      lotId: state.lot.lotId,
      applicationId,
    });
  }
}

function requireBacking(state: Registered, receiptNumber: string): LotFacts {
  // rule RCPT-ONE-LIVE-PER-LOT
  if (state.status !== 'backing' || state.receiptNumber !== receiptNumber) {
    throw refuse.conflict('LOT_NOT_BACKING_RECEIPT', `lot ${state.lot.lotId} does not back receipt ${receiptNumber}`, {
      lotId: state.lot.lotId,
      receiptNumber,
    });
  }
  return state.lot;
}

/**
 * Goods once under a receipt that was cancelled, and goods that have left, never back a receipt
 * again: a new receipt over them would be a second title to goods the holder may already be
 * taking out. Spot goods become receipt goods only through a new inbound in inventory (a new
 * lot, inspected and made available again).
 */
function requireNeverCancelledOrShipped(state: Registered): void {
  // rule RCPT-NO-TITLE-AFTER-CANCELLATION
  const lotId = state.lot.lotId;
  switch (state.status) {
    case 'entitled':
      throw refuse.conflict('LOT_UNDER_ENTITLEMENT', `lot ${lotId} is under outbound entitlement ${state.entitlementId} of card ${state.lot.ownerCard}`, {
        lotId,
        entitlementId: state.entitlementId,
        ownerCard: state.lot.ownerCard,
      });
    case 'spot':
      throw refuse.conflict('LOT_IS_SPOT_GOODS', `lot ${lotId} was converted to spot goods; a new receipt needs a new inbound through inventory`, {
        lotId,
        receiptNumber: state.receiptNumber,
      });
    case 'shipped':
      throw refuse.conflict('LOT_SHIPPED_OUT', `lot ${lotId} has left the warehouse`, { lotId });
    default:
      return;
  }
}

/**
 * Inventory's LotShippedOut: the goods are gone for good. Goods a live receipt backs cannot have
 * left without a cancellation (inventory refuses to ship them), and goods under an entitlement
 * leave only under that entitlement: either is a fault between the services, refused for the
 * operations team rather than recorded. Goods held for an issuance application can leave as
 * plain stock (inventory does not know of applications): the fact is recorded, and the
 * application can then never be approved over them. A repeat changes nothing.
 */
function recordShipped(command: RecordLotShipped, state: Registered): LotBackingEvent[] {
  // rule RCPT-SHIPPED-FINAL
  const { actor, at } = command.data;
  requireRole(actor, ['system'], 'record lots shipped out by the inventory service');
  const lotId = state.lot.lotId;
  const netKg = assertWeightKg(command.data.netKg, 'netKg');
  if (state.status === 'shipped') return [];
  if (state.status === 'backing') {
    throw refuse.conflict('LOT_HOLDS_RECEIPT_GOODS', `lot ${lotId} is ${state.status} for a receipt and cannot have shipped out`, {
      lotId,
      status: state.status,
    });
  }
  const entitlementId = state.status === 'entitled' ? state.entitlementId : null;
  // Spot goods are the holder's plain stock: they leave as such, or under a pickup applied for on
  // the conversion's own entitlement.
  const alsoAccepted = state.status === 'spot' ? state.entitlementId : null;
  const shippedUnder = command.data.entitlementId || null;
  if (shippedUnder !== entitlementId && (alsoAccepted === null || shippedUnder !== alsoAccepted)) {
    throw refuse.conflict('SHIPMENT_ENTITLEMENT_MISMATCH', `lot ${lotId} shipped under entitlement '${command.data.entitlementId}', not its own`, {
      lotId,
      shippedUnder: command.data.entitlementId,
      entitlementId,
    });
  }
  return [{ type: 'LotShipped', data: { lotId, entitlementId: shippedUnder, netKg, weightKg: state.lot.weightKg, actor, at } }];
}

/**
 * One encumbrance model: goods under a receipt are pledged and frozen only through the receipt
 * (its holds), and inventory's stock holds sit only on goods no receipt backs. So goods with an
 * unreleased stock hold (promised to an order, pledged or frozen as stock) may not become receipt
 * goods: neither held for an application nor issued at approval, else one lot would carry a
 * pledge as stock and another through its receipt.
 */
function requireNoStockHold(state: Registered): void {
  // rule RCPT-ONE-ENCUMBRANCE-MODEL
  const open = state.stockHolds.filter((hold) => !hold.released);
  if (open.length > 0) {
    throw refuse.conflict('LOT_HELD_IN_STOCK', `lot ${state.lot.lotId} has ${open.length} unreleased stock hold(s) in inventory`, {
      lotId: state.lot.lotId,
      holds: open.map(({ holdId, kind, holder }) => ({ holdId, kind, holder })),
    });
  }
}

/** Inventory's StockHoldPlaced, recorded once per hold id (a repeat, even after its release, changes nothing). */
function recordStockHoldPlaced(command: RecordStockHoldPlaced, state: Registered): LotBackingEvent[] {
  // rule RCPT-ONE-ENCUMBRANCE-MODEL
  const { actor, at, kind } = command.data;
  requireRole(actor, ['system'], 'record stock holds from the inventory service');
  const holdId = requireText(command.data.holdId, 'holdId');
  const holder = requireText(command.data.holder, 'holder');
  requireOneOf(kind, STOCK_HOLD_KINDS, 'kind');
  if (state.stockHolds.some((hold) => hold.holdId === holdId)) return [];
  return [{ type: 'LotStockHoldPlaced', data: { lotId: state.lot.lotId, holdId, kind, holder, actor, at } }];
}

/** Inventory's StockHoldReleased: a repeat changes nothing; a release of a hold never placed is a fault between the services. */
function recordStockHoldReleased(command: RecordStockHoldReleased, state: Registered): LotBackingEvent[] {
  // rule RCPT-ONE-ENCUMBRANCE-MODEL
  const { actor, at } = command.data;
  requireRole(actor, ['system'], 'record stock holds from the inventory service');
  const holdId = requireText(command.data.holdId, 'holdId');
  const hold = state.stockHolds.find((candidate) => candidate.holdId === holdId);
  if (!hold) throw refuse.notFound('STOCK_HOLD_NOT_FOUND', `lot ${state.lot.lotId} has no stock hold ${holdId}`, { lotId: state.lot.lotId, holdId });
  if (hold.released) return [];
  return [{ type: 'LotStockHoldReleased', data: { lotId: state.lot.lotId, holdId, kind: hold.kind, holder: hold.holder, actor, at } }];
}

/** Field by field: a state read back from the log (jsonb) does not keep the key order the facts were built in. */
const sameFacts = (a: LotFacts, b: LotFacts): boolean =>
  (Object.keys(b) as (keyof LotFacts)[]).length === Object.keys(a).length &&
  (Object.keys(b) as (keyof LotFacts)[]).every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));

export const lotBackingDecider: Decider<LotBackingCommand, LotBackingState, LotBackingEvent> = {
  initialState: () => ({ status: 'unregistered' }),

  evolve(state, event) {
    if (event.type === 'LotRegistered') return { status: 'available', lot: event.data.lot, stockHolds: [] };
    if (state.status === 'unregistered') return state;
    const { lot, stockHolds } = state;
    switch (event.type) {
      case 'LotReservedForIssuance':
        return { status: 'reserved', lot, applicationId: event.data.applicationId, stockHolds };
      case 'LotReservationReleased':
        return { status: 'available', lot, stockHolds };
      case 'LotBackingAssigned':
        return { status: 'backing', lot, receiptNumber: event.data.receiptNumber, stockHolds };
      case 'LotBackingReassigned':
        return { status: 'backing', lot, receiptNumber: event.data.toReceiptNumber, stockHolds };
      case 'LotBackingReleased': {
        // Cancellation hands the goods to the holder: the lot is theirs now, but never free for a
        // new receipt (rule RCPT-NO-TITLE-AFTER-CANCELLATION).
        const { receiptNumber, entitledCard, purpose, entitlementId } = event.data;
        const owned = { ...lot, ownerCard: entitledCard };
        return purpose === 'pickup'
          ? { status: 'entitled', lot: owned, receiptNumber, entitlementId, stockHolds }
          : { status: 'spot', lot: owned, receiptNumber, entitlementId, stockHolds };
      }
      case 'LotShipped':
        return { status: 'shipped', lot, entitlementId: event.data.entitlementId, stockHolds };
      case 'LotStockHoldPlaced': {
        const { holdId, kind, holder } = event.data;
        return { ...state, stockHolds: [...stockHolds, { holdId, kind, holder, released: false }] };
      }
      case 'LotStockHoldReleased':
        return { ...state, stockHolds: stockHolds.map((hold) => (hold.holdId === event.data.holdId ? { ...hold, released: true } : hold)) };
    }
  },

  decide(command, state) {
    const { actor, at } = command.data;
    requireInstant(at, 'at');
    if (command.type === 'RegisterAvailableLot') {
      // rule RCPT-LOT-FROM-INVENTORY
      requireRole(actor, ['system'], 'register lots from the inventory service');
      const lot = assertLotFacts(command.data.lot);
      // At-least-once delivery may repeat the inventory event: the same facts again change nothing.
      if (state.status === 'available' && sameFacts(state.lot, lot)) return [];
      if (state.status !== 'unregistered') {
        throw refuse.conflict('LOT_ALREADY_REGISTERED', `lot ${lot.lotId} is already registered (${state.status})`, {
          lotId: lot.lotId,
          status: state.status,
        });
      }
      return [{ type: 'LotRegistered', data: { lot, actor, at } }];
    }

    const current = registered(state);
    const lotId = current.lot.lotId;
    switch (command.type) {
      case 'ReserveLotForIssuance': {
        // rule RCPT-ONE-LIVE-PER-LOT
        const applicationId = requireText(command.data.applicationId, 'applicationId');
        if (current.status === 'reserved' && current.applicationId === applicationId) return [];
        if (current.status === 'backing') {
          throw refuse.conflict('LOT_ALREADY_BACKS_RECEIPT', `lot ${lotId} already backs receipt ${current.receiptNumber}`, {
            lotId,
            receiptNumber: current.receiptNumber,
          });
        }
        if (current.status === 'reserved') {
          throw refuse.conflict('LOT_RESERVED_FOR_ANOTHER_APPLICATION', `lot ${lotId} is held for application ${current.applicationId}`, {
            lotId,
            applicationId: current.applicationId,
          });
        }
        requireNeverCancelledOrShipped(current);
        requireNoStockHold(current);
        return [{ type: 'LotReservedForIssuance', data: { lotId, applicationId, actor, at } }];
      }
      case 'ReleaseLotReservation': {
        const { applicationId } = command.data;
        requireReservedFor(current, applicationId);
        return [{ type: 'LotReservationReleased', data: { lotId, applicationId, actor, at } }];
      }
      case 'AssignLotBacking': {
        const { applicationId } = command.data;
        const receiptNumber = requireText(command.data.receiptNumber, 'receiptNumber');
        requireReservedFor(current, applicationId);
        requireNoStockHold(current);
        return [{ type: 'LotBackingAssigned', data: { lotId, applicationId, receiptNumber, weightKg: current.lot.weightKg, actor, at } }];
      }
      case 'ReassignLotBacking': {
        const { fromReceiptNumber } = command.data;
        const toReceiptNumber = requireText(command.data.toReceiptNumber, 'toReceiptNumber');
        requireBacking(current, fromReceiptNumber);
        return [{ type: 'LotBackingReassigned', data: { lotId, fromReceiptNumber, toReceiptNumber, actor, at } }];
      }
      case 'ReleaseLotBacking': {
        // rule RCPT-CANCEL-TO-ENTITLEMENT
        const { receiptNumber, purpose } = command.data;
        const entitledCard = requireText(command.data.entitledCard, 'entitledCard');
        const entitlementId = requireText(command.data.entitlementId, 'entitlementId');
        const lot = requireBacking(current, receiptNumber);
        return [{ type: 'LotBackingReleased', data: { lotId, receiptNumber, entitledCard, weightKg: lot.weightKg, purpose, entitlementId, actor, at } }];
      }
      case 'RecordLotShipped':
        return recordShipped(command, current);
      case 'RecordStockHoldPlaced':
        return recordStockHoldPlaced(command, current);
      case 'RecordStockHoldReleased':
        return recordStockHoldReleased(command, current);
      default:
        return unhandledCommand(command);
    }
  },
};
