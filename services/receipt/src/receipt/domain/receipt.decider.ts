import { Decider, LocalDate, localDate, refuse, requireInstant, requireOneOf, requireText, unhandledCommand } from '@dw/kernel';
import { Actor, requireRole } from '../../common/domain/actor';
import { businessDateOf } from '../../common/domain/instant';
import { assertWeightKg, totalKg } from '../../common/domain/weight-kg';
import { assertReceiptConforms } from '../../receipt-rule/domain/receipt-conformance';
import {
  ApplyForCancellation,
  FlagExpired,
  HoldForListing,
  IssueReceipt,
  LiftListingHold,
  MergeReceipts,
  PlaceHold,
  ProcessCancellation,
  ReceiptCommand,
  RecordGoodsShortfall,
  RecordStorageFeesPaid,
  RejectCancellation,
  ReleaseHold,
  ResolveGoodsShortfall,
  RetireIntoMerge,
  SplitReceipt,
  TransferOnTake,
  TransferTitle,
  WithdrawCancellation,
} from './receipt.commands';
import { TRADING_PLATFORM, listingHoldId, listingHoldOf, requireTradable } from './receipt.trading';
import { CancellationPurpose, ReceiptEvent } from './receipt.events';
import { BENEFICIARY_KINDS, Hold, isPlaceableHoldKind } from './receipt.hold';
import { ReceiptRecord } from './receipt.record';
import { GoodsShortfall, SHORTFALL_OUTCOMES, resolutionOf } from './receipt.shortfall';
import { planMerge, requireMergeable } from './receipt-merge.policy';
import { planSplit } from './receipt-split.policy';
import { TransferRefusal, checkTransfer } from '../../transfer/domain/title-transfer.policy';
import {
  CancellationApplication,
  LiveReceipt,
  ReceiptState,
  initialReceiptState,
  isLive,
  noSuchReceipt,
  requireGoodsInStore,
  requireLive,
  requireLiveHeldBy,
  requireNoPendingCancellation,
  requireNotExpired,
  requireNotHeld,
} from './receipt.state';

/** A receipt's own invariants, whoever produced the record: backed by its lots' exact weight, within the rules. */
function assertIssuable(state: ReceiptState, record: ReceiptRecord): void {
  // rules RCPT-WHOLE-LOTS, RCPT-NUMBER-ONCE
  if (state.record) {
    throw refuse.conflict('RECEIPT_NUMBER_TAKEN', `receipt number ${record.receiptNumber} is already used`, { receiptNumber: record.receiptNumber });
  }
  requireText(record.receiptNumber, 'record.receiptNumber');
  if (record.lots.length === 0) throw refuse.invalid('RECEIPT_WITHOUT_LOTS', 'a receipt is backed by at least one lot', 'record.lots');
  const lotsKg = totalKg(record.lots.map((lot, i) => assertWeightKg(lot.weightKg, `record.lots[${i}].weightKg`)));
  if (lotsKg !== record.weightKg) {
    throw refuse.invalid('RECEIPT_WEIGHT_NOT_BACKED', `receipt weighs ${record.weightKg} kg, its lots ${lotsKg} kg`, 'record.weightKg', {
      weightKg: record.weightKg,
      lotsKg,
    });
  }
  assertReceiptConforms(record.rule.terms, record, 'record');
}

function placeHold(receipt: LiveReceipt, command: PlaceHold): Hold {
  // rules RCPT-NO-DOUBLE-PLEDGE, RCPT-FREEZE-BY-AUTHORITY, RCPT-DELIVERY-HOLD
  const { holdId, kind, beneficiary, actor, at } = command.data;
  requireText(holdId, 'holdId');
  const allowed = isPlaceableHoldKind(kind) ? BENEFICIARY_KINDS[kind] : undefined;
  if (!allowed) throw refuse.invalid('INVALID_HOLD_KIND', 'kind must be pledge, freeze or delivery', 'kind', { value: kind });
  if (!allowed.includes(beneficiary?.kind)) {
    throw refuse.invalid('INVALID_HOLD_BENEFICIARY', `a ${kind} is held for a ${allowed.join(' or ')}`, 'beneficiary.kind', {
      kind,
      allowed,
      value: beneficiary?.kind,
    });
  }
  requireText(beneficiary.partyId, 'beneficiary.partyId');
  requireText(beneficiary.name, 'beneficiary.name');
  const reason = requireText(command.data.reason, 'reason');
  const record = receipt.record;
  // A pledge is the holder's own act (checked with the receipt, see PlaceHold); only the bank can lift it.
  if (kind !== 'pledge' && (actor.role !== beneficiary.kind || actor.partyId !== beneficiary.partyId)) {
    // A freeze or delivery hold is placed by the authority it serves, in its own name.
    throw refuse.forbidden('HOLD_PLACEMENT_FORBIDDEN', `a ${kind} is placed by its beneficiary ${beneficiary.name}`, { kind });
  }
  if (receipt.holds.some((hold) => hold.holdId === holdId)) {
    throw refuse.conflict('HOLD_ALREADY_EXISTS', `hold ${holdId} is already on receipt ${record.receiptNumber}`, { holdId });
  }
  if (kind === 'pledge' && receipt.holds.some((hold) => hold.kind === 'pledge')) {
    throw refuse.conflict('ALREADY_PLEDGED', `receipt ${record.receiptNumber} is already pledged`, { receiptNumber: record.receiptNumber });
  }
  // A court or the exchange may freeze whatever is in circulation (several freezes may queue,
  // 轮候冻结), a receipt awaiting cancellation included: an authority's freeze is never refused.
  // A pledge or a delivery needs a free receipt within validity that is not about to leave.
  if (kind !== 'freeze') {
    requireNotHeld(receipt);
    requireNotExpired(receipt);
    requireNoPendingCancellation(receipt);
    requireGoodsInStore(receipt);
  }
  return { holdId, kind, beneficiary, reason, placedAt: at };
}

function isBeneficiary(actor: Actor, hold: Hold): boolean {
  // rule RCPT-HOLD-RELEASE-BENEFICIARY
  return actor.role === hold.beneficiary.kind && actor.partyId === hold.beneficiary.partyId;
}

/**
 * One stream per receipt number. Multi-receipt operations (transfer batches, merges) are
 * decided per stream and appended in one transaction by their handler, each stream at the
 * version it was read at: a concurrent change to any of them fails the whole operation.
 */
export const receiptDecider: Decider<ReceiptCommand, ReceiptState, ReceiptEvent> = {
  initialState: initialReceiptState,

  evolve(state, event) {
    switch (event.type) {
      case 'ReceiptIssued':
        return { status: 'outstanding', record: event.data.record, holds: [], successors: [], cancellationApplication: null, shortfalls: [] };
      case 'TitleTransferred':
        return state.record ? { ...state, record: { ...state.record, holder: event.data.to } } : state;
      case 'ReceiptHoldPlaced':
        return { ...state, holds: [...state.holds, event.data.hold] };
      case 'ReceiptHoldReleased':
        return { ...state, holds: state.holds.filter((hold) => hold.holdId !== event.data.holdId) };
      case 'ReceiptSplit':
        return { ...state, status: 'split', successors: event.data.children.map((child) => child.receiptNumber) };
      case 'ReceiptMerged':
        return { ...state, status: 'merged', successors: [event.data.mergedInto] };
      case 'ReceiptCancellationApplied':
        return { ...state, cancellationApplication: { purpose: event.data.purpose, appliedAt: event.data.at, appliedBy: event.data.actor } };
      case 'ReceiptCancellationWithdrawn':
      case 'ReceiptCancellationRejected':
        return { ...state, cancellationApplication: null };
      case 'ReceiptCancelled':
        return { ...state, status: 'cancelled', cancellationApplication: null };
      case 'ReceiptExpired':
        return { ...state, status: 'expired' };
      case 'StorageFeesPaidThroughAdvanced':
        return state.record ? { ...state, record: { ...state.record, storageFeesPaidThrough: event.data.paidThrough } } : state;
      case 'GoodsShortfallRecorded':
        return { ...state, shortfalls: [...state.shortfalls, event.data.shortfall] };
      case 'GoodsShortfallResolved': {
        const resolution = resolutionOf(event.data);
        return {
          ...state,
          shortfalls: state.shortfalls.map((shortfall) => (shortfall.varianceId === event.data.varianceId ? { ...shortfall, resolution } : shortfall)),
        };
      }
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'IssueReceipt':
        return issue(command, state);
      case 'TransferTitle':
        return transferTitle(command, state);
      case 'PlaceHold':
        return placeHoldOn(command, state);
      case 'ReleaseHold':
        return releaseHold(command, state);
      case 'SplitReceipt':
        return split(command, state);
      case 'MergeReceipts':
        return mergeInto(command, state);
      case 'RetireIntoMerge':
        return retireIntoMerge(command, state);
      case 'ApplyForCancellation':
        return applyForCancellation(command, state);
      case 'WithdrawCancellation':
        return withdrawCancellation(command, state);
      case 'ProcessCancellation':
        return processCancellation(command, state);
      case 'RejectCancellation':
        return rejectCancellation(command, state);
      case 'FlagExpired':
        return flagExpired(command, state);
      case 'RecordStorageFeesPaid':
        return recordStorageFeesPaid(command, state);
      case 'RecordGoodsShortfall':
        return recordGoodsShortfall(command, state);
      case 'ResolveGoodsShortfall':
        return resolveGoodsShortfall(command, state);
      case 'HoldForListing':
        return holdForListing(command, state);
      case 'LiftListingHold':
        return liftListingHold(command, state);
      case 'TransferOnTake':
        return transferOnTake(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};

function issue(command: IssueReceipt, state: ReceiptState): ReceiptEvent[] {
  const { record, actor, at } = command.data;
  requireInstant(at, 'at');
  assertIssuable(state, record);
  return [{ type: 'ReceiptIssued', data: { record, actor, at } }];
}

function transferTitle(command: TransferTitle, state: ReceiptState): ReceiptEvent[] {
  requireInstant(command.data.at, 'at');
  const check = checkTransfer(state, command.data);
  if (!check.ok) throw new TransferRefusal(check.error, check.alarm ? [check.alarm] : []);
  return [check.event];
}

function placeHoldOn(command: PlaceHold, state: ReceiptState): ReceiptEvent[] {
  const { actor, at } = command.data;
  requireInstant(at, 'at');
  // A pledge is the holder's own act, checked before anything else about the receipt.
  const receipt = command.data.kind === 'pledge' ? requireLiveHeldBy(state, actor, 'pledge this receipt') : requireLive(state);
  const hold = placeHold(receipt, command);
  return [{ type: 'ReceiptHoldPlaced', data: { receiptNumber: receipt.record.receiptNumber, hold, actor, at } }];
}

function releaseHold(command: ReleaseHold, state: ReceiptState): ReceiptEvent[] {
  // rule RCPT-HOLD-RELEASE-BENEFICIARY
  const { actor, at } = command.data;
  requireInstant(at, 'at');
  const receipt = requireLive(state);
  const receiptNumber = receipt.record.receiptNumber;
  const hold = receipt.holds.find((candidate) => candidate.holdId === command.data.holdId);
  if (!hold) throw refuse.notFound('HOLD_NOT_FOUND', `receipt ${receiptNumber} has no hold ${command.data.holdId}`, { holdId: command.data.holdId });
  requireNotTradingHold(hold, receiptNumber);
  if (!isBeneficiary(actor, hold)) {
    // Not naming the beneficiary: the caller learns it may not, not who may.
    throw refuse.forbidden('HOLD_RELEASE_FORBIDDEN', `only the beneficiary of this ${hold.kind} may release it`, {
      holdId: hold.holdId,
      kind: hold.kind,
    });
  }
  const reason = requireText(command.data.reason, 'reason');
  return [{ type: 'ReceiptHoldReleased', data: { receiptNumber, holdId: hold.holdId, kind: hold.kind, reason, actor, at } }];
}

function split(command: SplitReceipt, state: ReceiptState): ReceiptEvent[] {
  const { actor, at } = command.data;
  const today = businessDateOf(at);
  const receipt = requireLiveHeldBy(state, actor, 'split this receipt');
  requireNotHeld(receipt);
  requireNotExpired(receipt);
  requireNoPendingCancellation(receipt);
  requireGoodsInStore(receipt);
  const children = planSplit(receipt.record, command.data.children, today);
  return [{ type: 'ReceiptSplit', data: { receiptNumber: receipt.record.receiptNumber, children, actor, at } }];
}

/** The merged receipt's own stream: a new receipt over the parents' lots. */
function mergeInto(command: MergeReceipts, state: ReceiptState): ReceiptEvent[] {
  const { actor, at } = command.data;
  const today = businessDateOf(at);
  const receiptNumber = requireText(command.data.receiptNumber, 'receiptNumber');
  const record = planMerge(receiptNumber, command.data.parents, actor, today);
  assertIssuable(state, record);
  return [{ type: 'ReceiptIssued', data: { record, actor, at } }];
}

/** A parent's stream in a merge: it leaves circulation into the merged receipt. */
function retireIntoMerge(command: RetireIntoMerge, state: ReceiptState): ReceiptEvent[] {
  const { actor, at } = command.data;
  requireInstant(at, 'at');
  const receipt = requireMergeable(state, actor);
  const mergedInto = requireText(command.data.mergedInto, 'mergedInto');
  return [{ type: 'ReceiptMerged', data: { receiptNumber: receipt.record.receiptNumber, mergedInto, actor, at } }];
}

/**
 * 注销 starts with the holder's application (指定钢材厂库交割办法 第十二条): to pick the goods up
 * or to convert them to a spot bill. The receipt stays the holder's and in circulation, but
 * stops moving until the warehouse processes or rejects it, or the holder withdraws it.
 */
function applyForCancellation(command: ApplyForCancellation, state: ReceiptState): ReceiptEvent[] {
  // rules RCPT-CANCEL-TO-ENTITLEMENT, RCPT-EXPIRED-SPOT-ONLY, RCPT-CANCELLATION-PENDING-STAYS-PUT
  const { actor, at } = command.data;
  requireInstant(at, 'at');
  const receipt = requireLiveHeldBy(state, actor, 'apply to cancel this receipt');
  const purpose = command.data.purpose;
  if (purpose !== 'pickup' && purpose !== 'spot-conversion') {
    throw refuse.invalid('INVALID_CANCELLATION_PURPOSE', 'purpose must be pickup or spot-conversion', 'purpose', { value: purpose });
  }
  requireNoPendingCancellation(receipt);
  requireNotHeld(receipt);
  requireGoodsInStore(receipt);
  requireDeliverableForPurpose(receipt, purpose);
  return [{ type: 'ReceiptCancellationApplied', data: { receiptNumber: receipt.record.receiptNumber, purpose, actor, at } }];
}

/** The holder takes its own application back; a hold placed since does not stop that. */
function withdrawCancellation(command: WithdrawCancellation, state: ReceiptState): ReceiptEvent[] {
  // rule RCPT-CANCELLATION-PENDING-STAYS-PUT
  const { actor, at } = command.data;
  requireInstant(at, 'at');
  const receipt = requireLiveHeldBy(state, actor, 'withdraw this cancellation application');
  const application = requirePendingCancellation(receipt);
  return [{ type: 'ReceiptCancellationWithdrawn', data: { receiptNumber: receipt.record.receiptNumber, purpose: application.purpose, actor, at } }];
}

function rejectCancellation(command: RejectCancellation, state: ReceiptState): ReceiptEvent[] {
  // rule RCPT-CANCELLATION-PENDING-STAYS-PUT
  const { actor, at } = command.data;
  requireInstant(at, 'at');
  requireRole(actor, WAREHOUSE_ROLES, 'reject a cancellation application');
  const receipt = requireLive(state);
  const application = requirePendingCancellation(receipt);
  const reason = requireText(command.data.reason, 'reason');
  return [
    {
      type: 'ReceiptCancellationRejected',
      data: { receiptNumber: receipt.record.receiptNumber, purpose: application.purpose, reason, actor, at },
    },
  ];
}

/**
 * The warehouse processes the pending application: checked again against the receipt as it is
 * now (a freeze placed since, an expiry since a pickup application), and refused while the
 * holder's storage fees are not paid through today (第十八条: the holder settles what it owes).
 * Then the receipt leaves circulation and its goods become the holder's outbound entitlement.
 */
function processCancellation(command: ProcessCancellation, state: ReceiptState): ReceiptEvent[] {
  // rules RCPT-CANCEL-TO-ENTITLEMENT, RCPT-EXPIRED-SPOT-ONLY
  const { actor, at } = command.data;
  const today = businessDateOf(at);
  requireRole(actor, WAREHOUSE_ROLES, 'process a cancellation application');
  const receipt = requireLive(state);
  const { purpose } = requirePendingCancellation(receipt);
  requireNotHeld(receipt);
  // A shortfall recorded after the application: the entitlement would grant goods not in store.
  requireGoodsInStore(receipt);
  requireDeliverableForPurpose(receipt, purpose);
  requireStorageFeesPaidThrough(receipt, today);
  const record = receipt.record;
  const { holder, warehouseId, commodity, brand, grade, lots, weightKg } = record;
  return [
    {
      type: 'ReceiptCancelled',
      data: {
        receiptNumber: record.receiptNumber,
        purpose,
        entitlement: { holder, warehouseId, commodity, brand, grade, lots, weightKg },
        actor,
        at,
      },
    },
  ];
}

/** The warehouse's staff process and reject cancellation applications. */
const WAREHOUSE_ROLES = ['clerk', 'manager'] as const;

function requirePendingCancellation(receipt: LiveReceipt): CancellationApplication {
  if (!receipt.cancellationApplication) {
    throw refuse.conflict('NO_CANCELLATION_APPLICATION', `receipt ${receipt.record.receiptNumber} has no pending cancellation application`, {
      receiptNumber: receipt.record.receiptNumber,
    });
  }
  return receipt.cancellationApplication;
}

/**
 * Storage fees must be paid through today (the Shanghai date of processing) or later: a
 * receipt paid through yesterday owes today's storage, and the holder settles it before the
 * goods leave the receipt (指定钢材厂库交割办法 第十一条、第十八条).
 */
function requireStorageFeesPaidThrough(receipt: LiveReceipt, today: LocalDate): void {
  // rule RCPT-CANCEL-FEES-PAID
  const paidThrough = receipt.record.storageFeesPaidThrough;
  if (paidThrough < today) {
    throw refuse.conflict('STORAGE_FEES_UNPAID', `storage fees of receipt ${receipt.record.receiptNumber} are paid through ${paidThrough}, before ${today}`, {
      receiptNumber: receipt.record.receiptNumber,
      paidThrough,
      today,
    });
  }
}

/**
 * Past validity a receipt can no longer be delivered against (rule RCPT-EXPIRED-SPOT-ONLY): it
 * is cancelled only to turn its goods into spot goods (negotiated pickup), never for a pickup
 * under the receipt's own terms.
 */
function requireDeliverableForPurpose(receipt: LiveReceipt, purpose: CancellationPurpose): void {
  // rule RCPT-EXPIRED-SPOT-ONLY
  if (purpose === 'pickup') requireNotExpired(receipt);
}

function flagExpired(command: FlagExpired, state: ReceiptState): ReceiptEvent[] {
  // rule RCPT-EXPIRY-DAY-AFTER
  const { actor, at } = command.data;
  const today = businessDateOf(at);
  requireRole(actor, ['system'], 'flag receipts as expired');
  const asOf = localDate(command.data.asOf, 'asOf');
  if (asOf > today) {
    throw refuse.invalid('EXPIRY_AS_OF_IN_FUTURE', `cannot flag expiry as of ${asOf} on ${today}`, 'asOf', { asOf, today });
  }
  if (!state.record) throw noSuchReceipt();
  // Idempotent: a receipt already flagged, or no longer in circulation, needs nothing.
  if (state.status !== 'outstanding') return [];
  const { receiptNumber, validUntil } = state.record;
  if (asOf <= validUntil) {
    throw refuse.conflict('RECEIPT_NOT_YET_EXPIRED', `receipt ${receiptNumber} is valid through ${validUntil}`, { receiptNumber, validUntil, asOf });
  }
  return [{ type: 'ReceiptExpired', data: { receiptNumber, asOf, validUntil, actor, at } }];
}

function recordStorageFeesPaid(command: RecordStorageFeesPaid, state: ReceiptState): ReceiptEvent[] {
  // rule RCPT-FEES-PAID-FORWARD
  const { actor, at, paidBy } = command.data;
  requireInstant(at, 'at');
  requireRole(actor, ['system'], 'record storage fee payments');
  if (paidBy !== undefined && !isLive(state)) return [];
  const receipt = requireLive(state);
  const paidThrough = localDate(command.data.paidThrough, 'paidThrough');
  const previous = receipt.record.storageFeesPaidThrough;
  if (paidBy !== undefined && !paidByHolder(receipt, paidBy, paidThrough)) return [];
  if (paidThrough === previous) return [];
  if (paidThrough < previous) {
    throw refuse.conflict('FEES_PAID_THROUGH_BACKWARDS', `fees are already paid through ${previous}`, { paidThrough, previous });
  }
  return [{ type: 'StorageFeesPaidThroughAdvanced', data: { receiptNumber: receipt.record.receiptNumber, paidThrough, previous, actor, at } }];
}

/**
 * Billing publishes each party's paid-through date per receipt; the receipt's date is its
 * current holder's. A date for a party that no longer (or not yet) holds it, or not ahead of the
 * receipt's (a buyer's storage starts on the transfer day; a receipt issued paid through a date
 * billing has not charged yet), moves nothing.
 */
function paidByHolder(receipt: LiveReceipt, paidBy: string, paidThrough: LocalDate): boolean {
  // rule RCPT-FEES-PAID-BY-HOLDER
  return receipt.record.holder.partyId === paidBy && paidThrough > receipt.record.storageFeesPaidThrough;
}

/**
 * Inventory's stocktake found less of the receipt's goods than the book held, and a manager
 * approved the write-off: the receipt records the shortfall, open, and its title stops moving
 * (requireGoodsInStore). Taken once per variance id: a redelivered or republished alarm, and one
 * for a shortfall already resolved, records nothing again.
 *
 * A receipt no longer live records nothing: cancelled, its lots are already the holder's own
 * goods under an outbound entitlement or as spot goods (no title left to stop; the loss is
 * settled between the warehouse and the owner through ops' incident, and an entitlement's
 * load-out states it as over/short); split or merged, the lot backs a successor, which the
 * handler follows the lot to, so the parent has nothing to carry.
 */
function recordGoodsShortfall(command: RecordGoodsShortfall, state: ReceiptState): ReceiptEvent[] {
  // rule RCPT-SHORT-GOODS-STAYS-PUT
  const { actor, at } = command.data;
  requireInstant(at, 'at');
  requireRole(actor, ['system'], 'record a stocktake shortfall');
  if (!state.record) throw noSuchReceipt();
  if (!isLive(state)) return [];
  const shortfall = shortfallOf(command, state.record);
  if (state.shortfalls.some((known) => known.varianceId === shortfall.varianceId)) return [];
  return [{ type: 'GoodsShortfallRecorded', data: { receiptNumber: state.record.receiptNumber, shortfall, actor, at } }];
}

function shortfallOf(command: RecordGoodsShortfall, record: ReceiptRecord): GoodsShortfall {
  const { deltaPieces, deltaKg, pledgedTo, at } = command.data;
  const lotId = requireText(command.data.lotId, 'lotId');
  if (!record.lots.some((lot) => lot.lotId === lotId)) {
    throw refuse.conflict('LOT_NOT_BACKING_RECEIPT', `lot ${lotId} does not back receipt ${record.receiptNumber}`, {
      lotId,
      receiptNumber: record.receiptNumber,
    });
  }
  // A shortfall is a loss: kg down, pieces down or unchanged (a piece weighed light).
  if (!Number.isSafeInteger(deltaKg) || deltaKg >= 0 || !Number.isSafeInteger(deltaPieces) || deltaPieces > 0) {
    throw refuse.invalid('INVALID_SHORTFALL', `a shortfall loses weight: got ${deltaKg} kg, ${deltaPieces} piece(s)`, 'deltaKg', { deltaKg, deltaPieces });
  }
  return {
    varianceId: requireText(command.data.varianceId, 'varianceId'),
    stocktakeId: requireText(command.data.stocktakeId, 'stocktakeId'),
    lotId,
    deltaPieces,
    deltaKg,
    approver: requireText(command.data.approver, 'approver'),
    approvalReason: command.data.approvalReason,
    detectedAt: requireInstant(command.data.detectedAt, 'detectedAt'),
    pledgedTo: [...pledgedTo],
    recordedAt: at,
    resolution: null,
  };
}

/**
 * The warehouse answers for goods in its custody (指定钢材厂库交割办法 第二十四条至第二十六条): a
 * manager records that it made them good again (replenished, naming the stocktake or variance
 * that found them) or settled with the holder (naming the settlement), with a reason. The
 * receipt may move again once no shortfall is open. Answered by the manager alone: it is the
 * warehouse's word to the holder, the exchange and the pledgees that the receipt stands on its goods.
 */
function resolveGoodsShortfall(command: ResolveGoodsShortfall, state: ReceiptState): ReceiptEvent[] {
  // rule RCPT-SHORTFALL-RESOLVED-BY-MANAGER
  const { actor, at, varianceId } = command.data;
  requireInstant(at, 'at');
  requireRole(actor, ['manager'], 'resolve a stocktake shortfall');
  const receipt = requireLive(state);
  const receiptNumber = receipt.record.receiptNumber;
  const shortfall = receipt.shortfalls.find((candidate) => candidate.varianceId === varianceId);
  if (!shortfall) {
    throw refuse.notFound('SHORTFALL_NOT_FOUND', `receipt ${receiptNumber} has no shortfall of variance ${varianceId}`, { receiptNumber, varianceId });
  }
  if (shortfall.resolution) {
    throw refuse.conflict('SHORTFALL_ALREADY_RESOLVED', `the shortfall of variance ${varianceId} was already resolved`, {
      receiptNumber,
      varianceId,
      outcome: shortfall.resolution.outcome,
      resolvedAt: shortfall.resolution.resolvedAt,
    });
  }
  const outcome = requireOneOf(command.data.outcome, SHORTFALL_OUTCOMES, 'outcome');
  const reference = requireText(command.data.reference, 'reference');
  const reason = requireText(command.data.reason, 'reason');
  return [{ type: 'GoodsShortfallResolved', data: { receiptNumber, varianceId, outcome, reference, reason, actor, at } }];
}

/**
 * A listing's hold is lifted only with the listing (its close, a released take, a settled take):
 * lifted alone it would leave the listing offering a receipt that may since have moved.
 * The exchange stops trading in a receipt by cancelling the listing (标准仓单交易管理办法 第六十七条).
 */
function requireNotTradingHold(hold: Hold, receiptNumber: string): void {
  // rule TRADE-HOLD-WITH-LISTING
  if (hold.kind === 'trading') {
    throw refuse.conflict('HOLD_LIFTED_WITH_LISTING', `receipt ${receiptNumber} is held by a listing; it is released when the listing closes`, {
      holdId: hold.holdId,
    });
  }
}

/**
 * The receipt goes into trading with its listing, in the listing's transaction: checked again
 * here on the receipt's own stream (what the listing decided on may have been read a moment
 * before), then held so that it is not transferred, pledged, split, merged or cancelled while
 * listed (RECEIPT_HELD, rule RCPT-HELD-STAYS-PUT).
 */
function holdForListing(command: HoldForListing, state: ReceiptState): ReceiptEvent[] {
  // rule TRADE-HOLD-WITH-LISTING
  const { actor, at, seller, tradingDay } = command.data;
  requireInstant(at, 'at');
  const listingId = requireText(command.data.listingId, 'listingId');
  const receipt = requireTradable(state, seller, tradingDay);
  const hold: Hold = {
    holdId: listingHoldId(listingId),
    kind: 'trading',
    beneficiary: TRADING_PLATFORM,
    reason: `listed on listing ${listingId} for ${tradingDay}`,
    placedAt: at,
  };
  return [{ type: 'ReceiptHoldPlaced', data: { receiptNumber: receipt.record.receiptNumber, hold, actor, at } }];
}

/** Idempotent: a receipt no longer held for the listing (a replayed close) needs nothing. */
function liftListingHold(command: LiftListingHold, state: ReceiptState): ReceiptEvent[] {
  // rule TRADE-HOLD-WITH-LISTING
  const { actor, at } = command.data;
  requireInstant(at, 'at');
  const receipt = requireLive(state);
  const hold = listingHoldOf(receipt, command.data.listingId);
  if (!hold) return [];
  const reason = requireText(command.data.reason, 'reason');
  return [{ type: 'ReceiptHoldReleased', data: { receiptNumber: receipt.record.receiptNumber, holdId: hold.holdId, kind: hold.kind, reason, actor, at } }];
}

/**
 * A paid take (标准仓单交易管理办法 第三十二条, 第四十九条): the listing's hold is lifted and the
 * title moves to the buyer's card in one decision, by the receipt's own transfer rules
 * (checkTransfer) on the exchange's authority with the entry taken from the registry, since the
 * platform acts for both traders. Any other hold (a court's freeze placed meanwhile), a pending
 * cancellation, a shortfall or a buyer card that may not receive title refuse it, and the
 * take's handler records the paid take it could not settle.
 */
function transferOnTake(command: TransferOnTake, state: ReceiptState): ReceiptEvent[] {
  // rule TRADE-TAKE-SETTLES-TITLE
  const { actor, at, buyerCard } = command.data;
  requireInstant(at, 'at');
  requireRole(actor, ['exchange'], 'settle a take');
  const receipt = requireLive(state);
  const record = receipt.record;
  const hold = listingHoldOf(receipt, command.data.listingId);
  if (!hold) {
    throw refuse.conflict('RECEIPT_NOT_LISTED', `receipt ${record.receiptNumber} is not held for listing ${command.data.listingId}`, {
      receiptNumber: record.receiptNumber,
      listingId: command.data.listingId,
    });
  }
  const takeId = requireText(command.data.takeId, 'takeId');
  const free: ReceiptState = { ...receipt, successors: [], holds: receipt.holds.filter((candidate) => candidate !== hold) };
  const entered = { holderName: record.holder.holderName, storageCard: record.holder.storageCard, commodity: record.commodity };
  const check = checkTransfer(free, { transferId: takeId, entered, buyerCard, actor, at });
  if (!check.ok) throw check.error;
  const released: ReceiptEvent = {
    type: 'ReceiptHoldReleased',
    data: { receiptNumber: record.receiptNumber, holdId: hold.holdId, kind: hold.kind, reason: `take ${takeId} settled`, actor, at },
  };
  return [released, check.event];
}
