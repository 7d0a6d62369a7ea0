import { Inject, Injectable } from '@nestjs/common';
import { type EventMetadata, EventStore, loadAggregate } from '@dw/event-store';
import type { Clock, IdGenerator } from '@dw/kernel';
import { CLOCK, ID_GENERATOR } from '@dw/platform';
import { cardIn } from '../../../common/events/load-streams';
import { streams } from '../../../common/events/streams';
import { commandContextOf, type Caller } from '../../../common/http/caller';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { receiptDecider } from '../../../receipt/domain/receipt.decider';
import type { ReceiptState } from '../../../receipt/domain/receipt.state';
import { TransferRefusal, type TransferMismatchAlarmRaised } from '../../domain/title-transfer.policy';
import { receiptPublicEvents } from '../../../receipt/integration/receipt-events.mapper';
import type { RequestTitleTransfer } from '../../domain/transfer.commands';
import { decideTransferBatch, transferBatchDecider } from '../../domain/transfer.decider';
import { transferAlarmPublicEvents } from '../../integration/transfer-alarm.mapper';
import type { RequestTitleTransferRequestDto } from './request-title-transfer.request.dto';

export interface TransferResult {
  readonly transferId: string;
  readonly receipts: readonly { readonly receiptNumber: string; readonly version: number }[];
}

/**
 * Title transfer (过户), online and all or nothing. In one transaction: the buyer's card and
 * every receipt are read, the batch is decided (every line checked before anything is decided),
 * the batch is recorded on its own stream and each receipt's TitleTransferred on the receipt's
 * stream at exactly the version it was read at, so a concurrent transfer of any of them makes
 * the whole batch a 409 and nothing moves.
 *
 * A refusal rolls that transaction back; then, in a transaction of their own, the alarms of
 * the lines whose entry did not match the record are appended (one stream per receipt), so
 * the refusal leaves no title change but the alarm exists.
 */
@Injectable()
export class RequestTitleTransferCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(body: RequestTitleTransferRequestDto, caller: Caller): Promise<TransferResult> {
    const { actor, at, metadata } = commandContextOf(caller, ['depositor'], this.clock);
    const transferId = this.ids.next();
    try {
      return await this.store.transaction(async (tx) => {
        const read: { line: RequestTitleTransferRequestDto['lines'][number]; state: ReceiptState; version: number }[] = [];
        for (const line of body.lines) read.push({ line, ...(await loadAggregate(tx, streams.receipt(line.receiptNumber).streamId, receiptDecider)) });
        const command: RequestTitleTransfer = {
          type: 'RequestTitleTransfer',
          data: {
            transferId,
            entered: { holderName: body.entered.holderName, storageCard: body.entered.storageCard },
            buyerCard: await cardIn(tx, body.buyerCard),
            lines: read.map(({ line, state }) => ({ receiptNumber: line.receiptNumber, commodity: line.commodity, current: state })),
            actor,
            at,
          },
        };
        const decision = decideTransferBatch(command, transferBatchDecider.initialState());
        if (!decision.accepted) throw decision.refusal;
        await tx.append({ ...streams.transfer(transferId), expectedVersion: 'no_stream', events: decision.events, metadata });
        const receipts = [];
        for (const [i, event] of decision.receiptEvents.entries()) {
          const stream = streams.receipt(event.data.receiptNumber);
          const appended = await tx.append({
            ...stream,
            expectedVersion: read[i]!.version,
            events: [event],
            metadata,
            outbox: this.outbox.of(receiptDecider, receiptPublicEvents)(read[i]!.state),
          });
          receipts.push({ receiptNumber: event.data.receiptNumber, version: appended.nextVersion });
        }
        return { transferId, receipts };
      });
    } catch (error) {
      if (error instanceof TransferRefusal && error.alarms.length > 0) await this.raise(error.alarms, metadata);
      throw error;
    }
  }

  /** Alarms are facts of their own: recorded even though (because) the transfer was refused. */
  private async raise(alarms: readonly TransferMismatchAlarmRaised[], metadata: EventMetadata): Promise<void> {
    // rule RCPT-TRANSFER-MATCH
    await this.store.transaction(async (tx) => {
      for (const alarm of alarms) {
        await tx.append({
          ...streams.transferAlarms(alarm.data.receiptNumber),
          // Alarms commute: concurrent refusals about one receipt each record theirs.
          expectedVersion: 'any',
          events: [alarm],
          metadata,
          outbox: this.outbox.of<null>({ evolve: () => null }, (event) => transferAlarmPublicEvents(event))(null),
        });
      }
    });
  }
}
