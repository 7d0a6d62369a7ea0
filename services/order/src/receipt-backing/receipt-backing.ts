import { handleCommandIn, loadAggregate, type EventMetadata, type EventStoreTransaction } from '@dw/event-store';
import { lotBackingDecider, receiptBackingDecider, type LotBackingCommand, type ReceiptBackingCommand } from './domain/receipt-backing';

/*
 * The order desk's knowledge of which lots back live receipts (see receipt-backing.ts in domain):
 * recorded by the receipt consumer, read by the desk's draft inside its own transaction.
 */

const receiptStream = (receiptNumber: string) => ({ streamId: `backing-receipt-${receiptNumber}`, streamType: 'backing-receipt' });
const lotStream = (lotId: string) => ({ streamId: `lot-backing-${lotId}`, streamType: 'lot-backing' });

/** A receipt came into being over these lots. */
export async function recordReceiptIssuedIn(
  tx: EventStoreTransaction,
  receiptNumber: string,
  lotIds: readonly string[],
  metadata: EventMetadata,
): Promise<void> {
  await decideReceiptIn(tx, { type: 'RecordReceiptLots', data: { receiptNumber, lotIds } }, metadata);
  for (const lotId of lotIds) await decideLotIn(tx, { type: 'BackLot', data: { lotId, receiptNumber } }, metadata);
}

/** A receipt left circulation (split, merged, cancelled): its lots no longer back it. */
export async function recordReceiptEndedIn(
  tx: EventStoreTransaction,
  receiptNumber: string,
  reason: string,
  namedLots: readonly string[],
  metadata: EventMetadata,
): Promise<void> {
  const { state } = await decideReceiptIn(tx, { type: 'EndReceipt', data: { receiptNumber, lotIds: namedLots, reason } }, metadata);
  for (const lotId of state.lotIds) await decideLotIn(tx, { type: 'ReleaseLot', data: { lotId, receiptNumber } }, metadata);
}

/** The live receipts each of these lots backs; lots that back none are left out. */
export async function liveReceiptsOfIn(tx: EventStoreTransaction, lotIds: readonly string[]): Promise<{ lotId: string; receiptNumbers: string[] }[]> {
  const backed: { lotId: string; receiptNumbers: string[] }[] = [];
  for (const lotId of lotIds) {
    const { state } = await loadAggregate(tx, lotStream(lotId).streamId, lotBackingDecider);
    if (state.receipts.length > 0) backed.push({ lotId, receiptNumbers: [...state.receipts] });
  }
  return backed;
}

function decideReceiptIn(tx: EventStoreTransaction, command: ReceiptBackingCommand, metadata: EventMetadata) {
  return handleCommandIn(tx, { ...receiptStream(command.data.receiptNumber), decider: receiptBackingDecider, command, metadata });
}

function decideLotIn(tx: EventStoreTransaction, command: LotBackingCommand, metadata: EventMetadata) {
  return handleCommandIn(tx, { ...lotStream(command.data.lotId), decider: lotBackingDecider, command, metadata });
}
