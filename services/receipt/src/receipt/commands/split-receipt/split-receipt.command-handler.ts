import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { commandContextOf, type Caller } from '../../../common/http/caller';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { NumberAllocator } from '../../../common/numbering/number-allocator';
import { lotBackingDecider } from '../../../lot-backing/domain/lot-backing.decider';
import { receiptDecider } from '../../domain/receipt.decider';
import type { ReceiptSplit } from '../../domain/receipt.events';
import { receiptPublicEvents } from '../../integration/receipt-events.mapper';
import type { SplitReceiptRequestDto } from './split-receipt.request.dto';

/**
 * The holder splits a receipt into children (lineage parent → children), in one transaction:
 * the parent leaves circulation, each child is issued on its own stream, and every lot is
 * reassigned to the child that now carries it.
 */
@Injectable()
export class SplitReceiptCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(NumberAllocator) private readonly numbers: NumberAllocator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    receiptNumber: string,
    body: SplitReceiptRequestDto,
    caller: Caller,
    expectedVersion?: number,
  ): Promise<{ children: string[]; version: number }> {
    const { actor, metadata, at } = commandContextOf(caller, ['depositor'], this.clock);
    const numbers = await this.numbers.receiptNumbers(body.children.length);
    const publish = this.outbox.of(receiptDecider, receiptPublicEvents);
    return this.store.transaction(async (tx) => {
      const decided = await handleCommandIn(tx, {
        ...streams.receipt(receiptNumber),
        decider: receiptDecider,
        command: {
          type: 'SplitReceipt',
          data: { children: body.children.map((child, i) => ({ receiptNumber: numbers[i]!, lotIds: child.lotIds, weightKg: child.weightKg })), actor, at },
        },
        metadata,
        expectedVersion,
        outboxFor: publish,
      });
      const split = decided.appended!.events[0]!.data as ReceiptSplit['data'];
      for (const record of split.children) {
        await handleCommandIn(tx, {
          ...streams.receipt(record.receiptNumber),
          decider: receiptDecider,
          command: { type: 'IssueReceipt', data: { record, actor, at } },
          metadata,
          outboxFor: publish,
        });
        for (const lot of record.lots) {
          await handleCommandIn(tx, {
            ...streams.lot(lot.lotId),
            decider: lotBackingDecider,
            command: { type: 'ReassignLotBacking', data: { fromReceiptNumber: receiptNumber, toReceiptNumber: record.receiptNumber, actor, at } },
            metadata,
          });
        }
      }
      return { children: split.children.map((child) => child.receiptNumber), version: decided.version };
    });
  }
}
