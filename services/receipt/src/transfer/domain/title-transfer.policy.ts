import { DomainError, DomainEvent, refuse, requireText } from '@dw/kernel';
import { Actor } from '../../common/domain/actor';
import { StorageCard, requireApprovedCard } from '../../storage-card/domain/storage-card';
import { EnteredTitle } from '../../receipt/domain/receipt.commands';
import { TitleTransferred } from '../../receipt/domain/receipt.events';
import { ReceiptRecord, holderOf } from '../../receipt/domain/receipt.record';
import {
  LiveReceipt,
  ReceiptState,
  requireLive,
  requireGoodsInStore,
  requireLiveHeldBy,
  requireNoPendingCancellation,
  requireNotExpired,
  requireNotHeld,
} from '../../receipt/domain/receipt.state';

export interface TitleMismatch {
  readonly field: keyof EnteredTitle;
  readonly entered: string;
  readonly recorded: string;
}

/**
 * Error-proofing (rule RCPT-TRANSFER-MATCH): an entry that does not match the record raises an alarm
 * for the operations team, recorded in an alarms stream, while the transfer is refused.
 */
export type TransferMismatchAlarmRaised = DomainEvent<
  'TransferMismatchAlarmRaised',
  {
    readonly transferId: string;
    readonly receiptNumber: string;
    readonly mismatches: readonly TitleMismatch[];
    readonly actor: Actor;
    readonly at: string;
  }
>;

/**
 * A refused transfer. It is the DomainError the caller sees (same code, kind, field and
 * details), carrying the alarm events to record. Shape of a decision:
 *   accepted → decide returns the events to append;
 *   refused  → decide throws TransferRefusal; the handler rolls the transfer back, appends
 *              `alarms` (possibly none) to the alarms stream in a transaction of its own, and
 *              answers with the refusal.
 */
export class TransferRefusal extends DomainError {
  constructor(
    cause: DomainError,
    readonly alarms: readonly TransferMismatchAlarmRaised[],
  ) {
    super(cause.code, cause.message, cause.kind, cause.details, cause.field);
    this.name = 'TransferRefusal';
  }
}

export interface TransferRequest {
  readonly transferId: string;
  readonly entered: EnteredTitle;
  readonly buyerCard: StorageCard | null;
  readonly actor: Actor;
  readonly at: string;
}

export type TransferCheck =
  | { readonly ok: true; readonly event: TitleTransferred }
  | { readonly ok: false; readonly error: DomainError; readonly alarm: TransferMismatchAlarmRaised | null };

const TITLE_FIELDS = ['holderName', 'storageCard', 'commodity'] as const;

const MISMATCH_CODES: Readonly<Record<keyof EnteredTitle, string>> = {
  holderName: 'TRANSFER_HOLDER_MISMATCH',
  storageCard: 'TRANSFER_CARD_MISMATCH',
  commodity: 'TRANSFER_COMMODITY_MISMATCH',
};

/**
 * Everything that must hold for one receipt to change holder, in order: the input is
 * complete; the receipt is live; the actor may act for its holder (the holder itself, or the
 * exchange settling a trade or delivery); the entry matches the record exactly (no
 * normalisation: a near miss is exactly what error-proofing is for); no hold; not expired; no
 * pending cancellation application; no open stocktake shortfall;
 * the buyer's card is approved and is not the seller's.
 */
export function checkTransfer(state: ReceiptState, request: TransferRequest): TransferCheck {
  // rule RCPT-TRANSFER-MATCH
  try {
    const receipt = authorisedReceipt(state, request);
    const mismatches = mismatchesOf(receipt.record, request.entered);
    if (mismatches.length > 0) return mismatchRefusal(receipt.record, mismatches, request);
    return { ok: true, event: transferEvent(receipt, request) };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error, alarm: null };
    throw error;
  }
}

function authorisedReceipt(state: ReceiptState, request: TransferRequest): LiveReceipt {
  // rule RCPT-TRANSFER-OWNER-FIRST
  requireText(request.transferId, 'transferId');
  for (const field of TITLE_FIELDS) requireText(request.entered[field], `entered.${field}`);
  // The exchange transfers on delivery; anyone else only as the holder.
  return request.actor.role === 'exchange' ? requireLive(state) : requireLiveHeldBy(state, request.actor, 'transfer this receipt');
}

function mismatchesOf(record: ReceiptRecord, entered: EnteredTitle): TitleMismatch[] {
  // rule RCPT-TRANSFER-MATCH
  const recorded: EnteredTitle = { holderName: record.holder.holderName, storageCard: record.holder.storageCard, commodity: record.commodity };
  return TITLE_FIELDS.filter((field) => entered[field] !== recorded[field]).map((field) => ({
    field,
    entered: entered[field],
    recorded: recorded[field],
  }));
}

function mismatchRefusal(record: ReceiptRecord, mismatches: TitleMismatch[], request: TransferRequest): TransferCheck {
  const first = mismatches[0]!.field;
  const error = refuse.invalid(MISMATCH_CODES[first], `the entered ${first} does not match receipt ${record.receiptNumber}`, `entered.${first}`, {
    receiptNumber: record.receiptNumber,
    // The recorded values go to the alarm, for operations, not back to the requester.
    mismatchedFields: mismatches.map((m) => m.field),
  });
  const { transferId, actor, at } = request;
  return {
    ok: false,
    error,
    alarm: { type: 'TransferMismatchAlarmRaised', data: { transferId, receiptNumber: record.receiptNumber, mismatches, actor, at } },
  };
}

function transferEvent(receipt: LiveReceipt, request: TransferRequest): TitleTransferred {
  // rule RCPT-TRANSFER-TO-APPROVED-CARD
  const record = receipt.record;
  requireNotHeld(receipt);
  requireNotExpired(receipt);
  requireNoPendingCancellation(receipt);
  requireGoodsInStore(receipt);
  const buyer = request.actor.role === 'exchange' ? requireApprovedCard(request.buyerCard, 'buyerCard') : cardReceivingTitle(request.buyerCard);
  if (buyer.cardNumber === record.holder.storageCard) {
    throw refuse.invalid('TRANSFER_TO_SAME_HOLDER', `card ${buyer.cardNumber} already holds receipt ${record.receiptNumber}`, 'buyerCard', {
      receiptNumber: record.receiptNumber,
    });
  }
  const { transferId, actor, at } = request;
  return {
    type: 'TitleTransferred',
    data: {
      receiptNumber: record.receiptNumber,
      transferId,
      from: record.holder,
      to: holderOf(buyer),
      commodity: record.commodity,
      weightKg: record.weightKg,
      actor,
      at,
    },
  };
}

/**
 * The buyer's card, for a depositor's transfer: one that does not exist and one that may not
 * receive title (applied, suspended, closed) answer alike, so a seller learns neither whether
 * another party's card exists nor its standing. The exchange is told which it is.
 */
function cardReceivingTitle(card: StorageCard | null): StorageCard {
  if (card?.status === 'approved') return card;
  throw refuse.conflict('BUYER_CARD_CANNOT_RECEIVE', 'the buyer’s storage card cannot receive title', { field: 'buyerCard' });
}
