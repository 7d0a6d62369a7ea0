import { Command, Decider, DomainEvent, unhandledCommand } from '@dw/kernel';

/**
 * Which lots back live receipts, as the receipt service publishes its receipts' lives
 * (receipt.receipt.v1): a receipt's lots back it from ReceiptIssued (issuance, split child or
 * merge result) until it is split, merged or cancelled. One stream per receipt keeps its lots;
 * one per lot keeps the live receipts over it (a set, so the child's ReceiptIssued and the
 * parent's ReceiptSplit, which travel under different keys, may arrive in either order).
 */
export type ReceiptLotsRecorded = DomainEvent<'ReceiptLotsRecorded', { readonly receiptNumber: string; readonly lotIds: readonly string[] }>;
export type ReceiptEnded = DomainEvent<'ReceiptEnded', { readonly receiptNumber: string; readonly lotIds: readonly string[]; readonly reason: string }>;
export type ReceiptBackingEvent = ReceiptLotsRecorded | ReceiptEnded;

export type RecordReceiptLots = Command<'RecordReceiptLots', ReceiptLotsRecorded['data']>;
/** `lotIds` are the ended receipt's lots when the event names them (a cancellation), else empty. */
export type EndReceipt = Command<'EndReceipt', ReceiptEnded['data']>;
export type ReceiptBackingCommand = RecordReceiptLots | EndReceipt;

export interface ReceiptBacking {
  readonly status: 'unknown' | 'live' | 'ended';
  readonly lotIds: readonly string[];
}

export const receiptBackingDecider: Decider<ReceiptBackingCommand, ReceiptBacking, ReceiptBackingEvent> = {
  initialState: () => ({ status: 'unknown', lotIds: [] }),
  evolve: (_state, event) =>
    event.type === 'ReceiptLotsRecorded' ? { status: 'live', lotIds: event.data.lotIds } : { status: 'ended', lotIds: event.data.lotIds },
  decide(command, state) {
    switch (command.type) {
      case 'RecordReceiptLots':
        return recordReceiptLots(command, state);
      case 'EndReceipt':
        return endReceipt(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};

/** Issued once; a redelivery, or an issue after the end, records nothing. */
function recordReceiptLots(command: RecordReceiptLots, state: ReceiptBacking): ReceiptLotsRecorded[] {
  return state.status === 'unknown' ? [{ type: 'ReceiptLotsRecorded', data: command.data }] : [];
}

/** Ends once, with the lots recorded at issue (or, for a receipt never seen issued, the lots the command names). */
function endReceipt(command: EndReceipt, state: ReceiptBacking): ReceiptEnded[] {
  if (state.status === 'ended') return [];
  return [{ type: 'ReceiptEnded', data: { ...command.data, lotIds: state.status === 'live' ? state.lotIds : command.data.lotIds } }];
}

export type LotBacked = DomainEvent<'LotBacked', { readonly lotId: string; readonly receiptNumber: string }>;
export type LotReleased = DomainEvent<'LotReleased', { readonly lotId: string; readonly receiptNumber: string }>;
export type LotBackingEvent = LotBacked | LotReleased;
export type BackLot = Command<'BackLot', LotBacked['data']>;
export type ReleaseLot = Command<'ReleaseLot', LotReleased['data']>;
export type LotBackingCommand = BackLot | ReleaseLot;

/** The live receipts a lot backs. */
export interface LotBacking {
  readonly receipts: readonly string[];
}

export const lotBackingDecider: Decider<LotBackingCommand, LotBacking, LotBackingEvent> = {
  initialState: () => ({ receipts: [] }),
  evolve: (state, event) =>
    event.type === 'LotBacked'
      ? { receipts: [...state.receipts, event.data.receiptNumber] }
      : { receipts: state.receipts.filter((receipt) => receipt !== event.data.receiptNumber) },
  decide(command, state) {
    switch (command.type) {
      case 'BackLot':
        return backLot(command, state);
      case 'ReleaseLot':
        return releaseLot(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};

/** A lot backs a receipt once; a redelivered issue records nothing. */
function backLot(command: BackLot, state: LotBacking): LotBacked[] {
  return state.receipts.includes(command.data.receiptNumber) ? [] : [{ type: 'LotBacked', data: command.data }];
}

/** Releasing a lot from a receipt it does not back (a redelivered end) records nothing. */
function releaseLot(command: ReleaseLot, state: LotBacking): LotReleased[] {
  return state.receipts.includes(command.data.receiptNumber) ? [{ type: 'LotReleased', data: command.data }] : [];
}
