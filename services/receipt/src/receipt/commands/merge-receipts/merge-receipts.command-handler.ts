import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn, loadAggregate } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { commandContextOf, type Caller } from '../../../common/http/caller';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { NumberAllocator } from '../../../common/numbering/number-allocator';
import { lotBackingDecider } from '../../../lot-backing/domain/lot-backing.decider';
import { receiptDecider } from '../../domain/receipt.decider';
import { receiptPublicEvents } from '../../integration/receipt-events.mapper';

/**
 * The holder merges receipts (lineage parents → merged), in one transaction: the merged
 * receipt is decided on its new stream from the parents as read, each parent is retired at
 * exactly the version it was read at (a concurrent change to any of them refuses the merge),
 * and every lot is reassigned to the merged receipt.
 */
@Injectable()
export class MergeReceiptsCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(NumberAllocator) private readonly numbers: NumberAllocator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(parentNumbers: readonly string[], caller: Caller): Promise<{ receiptNumber: string; version: number }> {
    const { actor, metadata, at } = commandContextOf(caller, ['depositor'], this.clock);
    const [receiptNumber] = await this.numbers.receiptNumbers(1);
    const publish = this.outbox.of(receiptDecider, receiptPublicEvents);
    return this.store.transaction(async (tx) => {
      const parents = [];
      for (const number of parentNumbers) parents.push({ number, ...(await loadAggregate(tx, streams.receipt(number).streamId, receiptDecider)) });
      const merged = await handleCommandIn(tx, {
        ...streams.receipt(receiptNumber!),
        decider: receiptDecider,
        command: { type: 'MergeReceipts', data: { receiptNumber: receiptNumber!, parents: parents.map((parent) => parent.state), actor, at } },
        metadata,
        outboxFor: publish,
      });
      for (const parent of parents) {
        await handleCommandIn(tx, {
          ...streams.receipt(parent.number),
          decider: receiptDecider,
          command: { type: 'RetireIntoMerge', data: { mergedInto: receiptNumber!, actor, at } },
          metadata,
          expectedVersion: parent.version,
          outboxFor: publish,
        });
        for (const lot of parent.state.record!.lots) {
          await handleCommandIn(tx, {
            ...streams.lot(lot.lotId),
            decider: lotBackingDecider,
            command: { type: 'ReassignLotBacking', data: { fromReceiptNumber: parent.number, toReceiptNumber: receiptNumber!, actor, at } },
            metadata,
          });
        }
      }
      return { receiptNumber: receiptNumber!, version: merged.version };
    });
  }
}
