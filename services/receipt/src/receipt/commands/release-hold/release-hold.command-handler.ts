import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { commandContextOf, type Caller } from '../../../common/http/caller';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { receiptDecider } from '../../domain/receipt.decider';
import { receiptPublicEvents } from '../../integration/receipt-events.mapper';

/**
 * A hold is lifted by its beneficiary only (the bank its pledge, the exchange or court its
 * freeze, the exchange its delivery hold): anyone else is refused HOLD_RELEASE_FORBIDDEN.
 */
@Injectable()
export class ReleaseHoldCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(receiptNumber: string, holdId: string, reason: string, caller: Caller): Promise<{ remainingHolds: number; version: number }> {
    const { actor, at, metadata } = commandContextOf(caller, ['exchange', 'bank', 'court'], this.clock);
    const handled = await this.store.transaction((tx) =>
      handleCommandIn(tx, {
        ...streams.receipt(receiptNumber),
        decider: receiptDecider,
        command: { type: 'ReleaseHold', data: { holdId, reason, actor, at } },
        metadata,
        outboxFor: this.outbox.of(receiptDecider, receiptPublicEvents),
      }),
    );
    return { remainingHolds: handled.state.holds.length, version: handled.version };
  }
}
