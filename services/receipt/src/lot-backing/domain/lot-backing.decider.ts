import { Decider, refuse, requireText, requireInstant, unhandledCommand } from '@dw/kernel';
import { requireRole } from '../../common/domain/actor';
import { LotBackingCommand } from './lot-backing.commands';
import { LotBackingEvent } from './lot-backing.events';
import { LotFacts, assertLotFacts } from './lot-facts';

/**
 * One stream per lot, so "a lot backs at most one live receipt" is enforced by the stream's
 * expected version: two issuances (or a split and a cancellation) racing for the same lot
 * cannot both append.
 */
export type LotBackingState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'available'; readonly lot: LotFacts }
  | { readonly status: 'reserved'; readonly lot: LotFacts; readonly applicationId: string }
  | { readonly status: 'backing'; readonly lot: LotFacts; readonly receiptNumber: string };

type Registered = Exclude<LotBackingState, { status: 'unregistered' }>;

function registered(state: LotBackingState): Registered {
  if (state.status === 'unregistered') throw refuse.notFound('LOT_NOT_AVAILABLE', 'the lot is not available for receipts');
  return state;
}

function requireReservedFor(state: Registered, applicationId: string): void {
  // rule RCPT-ONE-LIVE-PER-LOT
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

/** Field by field: a state read back from the log (jsonb) does not keep the key order the facts were built in. */
const sameFacts = (a: LotFacts, b: LotFacts): boolean =>
  (Object.keys(b) as (keyof LotFacts)[]).length === Object.keys(a).length &&
  (Object.keys(b) as (keyof LotFacts)[]).every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));

export const lotBackingDecider: Decider<LotBackingCommand, LotBackingState, LotBackingEvent> = {
  initialState: () => ({ status: 'unregistered' }),

  evolve(state, event) {
    if (event.type === 'LotRegistered') return { status: 'available', lot: event.data.lot };
    if (state.status === 'unregistered') return state;
    const lot = state.lot;
    switch (event.type) {
      case 'LotReservedForIssuance':
        return { status: 'reserved', lot, applicationId: event.data.applicationId };
      case 'LotReservationReleased':
        return { status: 'available', lot };
      case 'LotBackingAssigned':
        return { status: 'backing', lot, receiptNumber: event.data.receiptNumber };
      case 'LotBackingReassigned':
        return { status: 'backing', lot, receiptNumber: event.data.toReceiptNumber };
      case 'LotBackingReleased':
        // Cancellation hands the goods to the holder: the lot is theirs now and free for a new receipt.
        return { status: 'available', lot: { ...lot, ownerCard: event.data.entitledCard } };
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
        const { receiptNumber } = command.data;
        const entitledCard = requireText(command.data.entitledCard, 'entitledCard');
        const lot = requireBacking(current, receiptNumber);
        return [{ type: 'LotBackingReleased', data: { lotId, receiptNumber, entitledCard, weightKg: lot.weightKg, actor, at } }];
      }
      default:
        return unhandledCommand(command);
    }
  },
};
