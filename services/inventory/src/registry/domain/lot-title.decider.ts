import type { GoodsUnder } from '../../stock/domain/stock.commands';
import { Decider, unhandledCommand } from '@dw/kernel';
import { LotTitleCommand } from './lot-title.commands';
import { EntitlementPurpose, HoldBeneficiary, LotTitleEvent, ReceiptHoldKind, TitleHolder } from './lot-title.events';

export interface ReceiptHold {
  readonly holdId: string;
  readonly receiptNumber: string;
  readonly kind: ReceiptHoldKind;
  readonly beneficiary: HoldBeneficiary;
  readonly reason: string;
  readonly placedAt: string;
}

export interface LotTitle {
  readonly status: 'titled';
  readonly lotId: string;
  /**
   * The live receipt the lot backs, or null once a cancellation released it. `successors` is
   * set while a split or merge is under way: the receipt left circulation, a successor will
   * name the lot, and until then the goods still back a receipt.
   */
  readonly receipt: { readonly receiptNumber: string; readonly successors: readonly string[] } | null;
  /** The holder of the receipt, or of the entitlement after a cancellation: the owner of the goods. */
  readonly holder: TitleHolder;
  readonly receiptHolds: Readonly<Record<string, ReceiptHold>>;
  readonly entitlement: { readonly entitlementId: string; readonly purpose: EntitlementPurpose; readonly receiptNumber: string } | null;
  /** Receipts that backed the lot and no longer do: a late or redelivered fact about one changes nothing. */
  readonly retired: readonly string[];
  readonly transferIds: readonly string[];
  readonly holdIds: readonly string[];
  readonly entitlementIds: readonly string[];
}

export type LotTitleState = { readonly status: 'none' } | LotTitle;

/** The receipt a lot backs while it is in circulation, or null: what stock holds and load-outs are decided on. */
export const liveReceiptOf = (state: LotTitleState): string | null => (state.status === 'titled' ? (state.receipt?.receiptNumber ?? null) : null);

/** The live receipt the goods back and the parties its pledges protect: what a stock shortfall puts at risk. */
export function goodsUnderOf(state: LotTitleState): GoodsUnder {
  // rule INV-SHORTFALL-ALARM
  const receiptNumber = liveReceiptOf(state);
  if (state.status === 'none' || receiptNumber === null) return { receiptNumber: null, pledgedTo: [] };
  const pledgedTo = Object.values(state.receiptHolds)
    .filter((hold) => hold.kind === 'pledge')
    .map((hold) => hold.beneficiary.partyId);
  return { receiptNumber, pledgedTo };
}

/**
 * The title to one lot (one stream per lot), as the receipt service's events tell it. The
 * receipt service is the authority on title, so nothing is refused here: the decider makes the
 * record exactly-once in effect and order-safe. A redelivered fact, a fact about a receipt that
 * no longer backs the lot (a late parent after its split child, a transfer of a retired
 * receipt) and a second note of the same entitlement change nothing. Facts cross two topics and
 * several keys (a split's parent and children, a cancellation and its entitlement), so any
 * order of arrival must end in the same title.
 */
export const lotTitleDecider: Decider<LotTitleCommand, LotTitleState, LotTitleEvent> = {
  // rule INV-TITLE-FOLLOWS-RECEIPT
  initialState: () => ({ status: 'none' }),
  evolve(state, event) {
    const d = event.data;
    const base: LotTitle =
      state.status === 'titled'
        ? state
        : {
            status: 'titled',
            lotId: d.lotId,
            receipt: null,
            holder: { storageCard: '', partyId: '', name: '' },
            receiptHolds: {},
            entitlement: null,
            retired: [],
            transferIds: [],
            holdIds: [],
            entitlementIds: [],
          };
    switch (event.type) {
      case 'LotBackedReceipt':
        return {
          ...base,
          receipt: { receiptNumber: event.data.receiptNumber, successors: [] },
          holder: event.data.holder,
          receiptHolds: {},
          entitlement: null,
          retired: [...base.retired, ...event.data.parents, ...(event.data.previousReceipt ? [event.data.previousReceipt] : [])],
        };
      case 'LotReceiptSucceeded':
        return base.receipt
          ? { ...base, receipt: { ...base.receipt, successors: event.data.successors }, retired: [...base.retired, event.data.receiptNumber] }
          : base;
      case 'LotTitleTransferred':
        return { ...base, holder: event.data.to, transferIds: [...base.transferIds, event.data.transferId] };
      case 'LotReceiptHoldPlaced': {
        const { holdId, receiptNumber, kind, beneficiary, reason, at } = event.data;
        return {
          ...base,
          receiptHolds: { ...base.receiptHolds, [holdId]: { holdId, receiptNumber, kind, beneficiary, reason, placedAt: at } },
          holdIds: [...base.holdIds, holdId],
        };
      }
      case 'LotReceiptHoldReleased': {
        const { [event.data.holdId]: _released, ...receiptHolds } = base.receiptHolds;
        return { ...base, receiptHolds };
      }
      case 'LotEntitled': {
        const { entitlementId, purpose, receiptNumber, holder } = event.data;
        return {
          ...base,
          receipt: null,
          holder,
          receiptHolds: {},
          entitlement: { entitlementId, purpose, receiptNumber },
          retired: [...base.retired, receiptNumber],
          entitlementIds: [...base.entitlementIds, entitlementId],
        };
      }
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'NoteReceiptBacking':
        return noteBacking(command.data, state);
      case 'NoteReceiptSucceeded': {
        // A successor already naming the lot, or a second note of the same split, is nothing new.
        if (liveReceiptOf(state) !== command.data.receiptNumber || state.status === 'none' || state.receipt!.successors.length > 0) return [];
        return [{ type: 'LotReceiptSucceeded', data: command.data }];
      }
      case 'NoteTitleTransfer': {
        if (state.status === 'none' || liveReceiptOf(state) !== command.data.receiptNumber || state.transferIds.includes(command.data.transferId)) return [];
        return [{ type: 'LotTitleTransferred', data: { ...command.data, from: state.holder } }];
      }
      case 'NoteReceiptHoldPlaced':
        if (state.status === 'none' || liveReceiptOf(state) !== command.data.receiptNumber || state.holdIds.includes(command.data.holdId)) return [];
        return [{ type: 'LotReceiptHoldPlaced', data: command.data }];
      case 'NoteReceiptHoldReleased': {
        const hold = state.status === 'titled' ? state.receiptHolds[command.data.holdId] : undefined;
        if (!hold) return [];
        return [{ type: 'LotReceiptHoldReleased', data: { ...command.data, kind: hold.kind } }];
      }
      case 'NoteEntitlement':
        // ReceiptCancelled and OutboundEntitlementGranted both carry the entitlement; whichever comes first notes it.
        if (state.status === 'titled' && state.entitlementIds.includes(command.data.entitlementId)) return [];
        return [{ type: 'LotEntitled', data: command.data }];
      default:
        return unhandledCommand(command);
    }
  },
};

function noteBacking(data: Extract<LotTitleCommand, { type: 'NoteReceiptBacking' }>['data'], state: LotTitleState): LotTitleEvent[] {
  if (state.status === 'titled' && (state.receipt?.receiptNumber === data.receiptNumber || state.retired.includes(data.receiptNumber))) return [];
  // A lot inventory has no stock for is still noted: the title is the receipt service's fact, and
  // the stock views pick it up by lot id whenever (if ever) the lot is booked in.
  return [{ type: 'LotBackedReceipt', data: { ...data, previousReceipt: liveReceiptOf(state) } }];
}
