import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { commandContextOf, type Caller } from '../../../common/http/caller';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { receiptDecider } from '../../domain/receipt.decider';
import { openShortfallsOf, type ShortfallOutcome } from '../../domain/receipt.shortfall';
import { receiptPublicEvents } from '../../integration/receipt-events.mapper';

export interface ShortfallResolutionInput {
  readonly outcome: ShortfallOutcome;
  readonly reference: string;
  readonly reason: string;
}

/**
 * A manager records how the warehouse answered for a stocktake shortfall on the receipt
 * (ReceiptGoodsShortfallResolved goes out through the outbox); with none left open the receipt
 * moves again.
 */
@Injectable()
export class ResolveShortfallCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    receiptNumber: string,
    varianceId: string,
    input: ShortfallResolutionInput,
    caller: Caller,
    expectedVersion?: number,
  ): Promise<{ openShortfalls: number; version: number }> {
    const { actor, at, metadata } = commandContextOf(caller, ['manager'], this.clock);
    const handled = await this.store.transaction((tx) =>
      handleCommandIn(tx, {
        ...streams.receipt(receiptNumber),
        decider: receiptDecider,
        command: { type: 'ResolveGoodsShortfall', data: { varianceId, ...input, actor, at } },
        metadata,
        expectedVersion,
        outboxFor: this.outbox.of(receiptDecider, receiptPublicEvents),
      }),
    );
    return { openShortfalls: openShortfallsOf(handled.state.shortfalls).length, version: handled.version };
  }
}
