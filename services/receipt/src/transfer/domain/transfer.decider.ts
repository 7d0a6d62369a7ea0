import { Decider, DomainError, refuse, requireText, requireInstant } from '@dw/kernel';
import { totalKg } from '../../common/domain/weight-kg';
import { TransferTitle } from '../../receipt/domain/receipt.commands';
import { TitleTransferred } from '../../receipt/domain/receipt.events';
import { TransferCheck, TransferMismatchAlarmRaised, TransferRefusal, checkTransfer } from './title-transfer.policy';
import { RequestTitleTransfer, TransferCommand } from './transfer.commands';
import { TransferEvent } from './transfer.events';

/** One stream per transfer batch: it is decided once. */
export interface TransferBatchState {
  readonly status: 'none' | 'accepted';
}

/**
 * The outcome of a batch, for handlers that want it as a value:
 * - accepted: the batch event, and one TitleTransferred per receipt to append to each
 *   receipt's stream in the same transaction;
 * - refused: the refusal (code of the first failing line; every failing line in
 *   details.failures) and an alarm for every line whose entry did not match its record.
 */
export type TransferBatchDecision =
  | { readonly accepted: true; readonly events: readonly TransferEvent[]; readonly receiptEvents: readonly TitleTransferred[] }
  | { readonly accepted: false; readonly refusal: TransferRefusal };

/** The per-receipt command for each line, as the receipt decider takes it. */
export function receiptTransferCommands(command: RequestTitleTransfer): { receiptNumber: string; command: TransferTitle }[] {
  const { transferId, entered, buyerCard, actor, at } = command.data;
  return command.data.lines.map((line) => ({
    receiptNumber: line.receiptNumber,
    command: { type: 'TransferTitle', data: { transferId, entered: { ...entered, commodity: line.commodity }, buyerCard, actor, at } },
  }));
}

function assertBatchShape(command: RequestTitleTransfer, state: TransferBatchState): void {
  requireInstant(command.data.at, 'at');
  const transferId = requireText(command.data.transferId, 'transferId');
  if (state.status !== 'none') throw refuse.conflict('TRANSFER_ALREADY_DECIDED', `transfer ${transferId} was already decided`, { transferId });
  const lines = command.data.lines;
  if (lines.length === 0) throw refuse.invalid('TRANSFER_BATCH_EMPTY', 'a transfer names at least one receipt', 'lines');
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (seen.has(line.receiptNumber)) {
      throw refuse.invalid('DUPLICATE_RECEIPT_IN_BATCH', `receipt ${line.receiptNumber} is named twice`, `lines[${i}].receiptNumber`, {
        receiptNumber: line.receiptNumber,
      });
    }
    seen.add(line.receiptNumber);
  });
}

function batchRefusal(command: RequestTitleTransfer, checks: readonly TransferCheck[]): TransferRefusal {
  const failures = checks.flatMap((check, i) =>
    check.ok ? [] : [{ line: i, receiptNumber: command.data.lines[i]!.receiptNumber, error: check.error, alarm: check.alarm }],
  );
  const first = failures[0]!;
  const cause = new DomainError(
    first.error.code,
    `transfer ${command.data.transferId} refused: ${failures.length} of ${checks.length} receipt(s) cannot be transferred; first, ${first.receiptNumber}: ${first.error.message}`,
    first.error.kind,
    {
      failures: failures.map(({ line, receiptNumber, error }) => ({ line, receiptNumber, code: error.code, field: error.field, details: error.details })),
    },
    first.error.field ? `lines[${first.line}].${first.error.field}` : undefined,
  );
  const alarms = failures.map((failure) => failure.alarm).filter((alarm): alarm is TransferMismatchAlarmRaised => alarm !== null);
  return new TransferRefusal(cause, alarms);
}

/**
 * All or nothing: every receipt is checked before anything is decided, so one bad line
 * refuses the whole batch and every mismatch in it raises its alarm.
 */
export function decideTransferBatch(command: RequestTitleTransfer, state: TransferBatchState): TransferBatchDecision {
  // rule RCPT-TRANSFER-ALL-OR-NOTHING
  assertBatchShape(command, state);
  const perReceipt = receiptTransferCommands(command);
  const checks = command.data.lines.map((line, i) => checkTransfer(line.current, perReceipt[i]!.command.data));
  const receiptEvents = checks.flatMap((check) => (check.ok ? [check.event] : []));
  if (receiptEvents.length < checks.length) return { accepted: false, refusal: batchRefusal(command, checks) };

  const { transferId, actor, at } = command.data;
  const first = receiptEvents[0]!.data;
  const lines = receiptEvents.map(({ data }) => ({ receiptNumber: data.receiptNumber, commodity: data.commodity, weightKg: data.weightKg }));
  const accepted: TransferEvent = {
    type: 'TransferBatchAccepted',
    data: { transferId, from: first.from, to: first.to, lines, totalWeightKg: totalKg(lines.map((line) => line.weightKg)), actor, at },
  };
  return { accepted: true, events: [accepted], receiptEvents };
}

/** The same decision in Decider form: a refusal is thrown as TransferRefusal, carrying its alarms. */
export const transferBatchDecider: Decider<TransferCommand, TransferBatchState, TransferEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: () => ({ status: 'accepted' }),
  decide(command, state) {
    const decision = decideTransferBatch(command, state);
    if (!decision.accepted) throw decision.refusal;
    return [...decision.events];
  },
};
