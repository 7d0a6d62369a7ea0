import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@dw/event-store';
import type { Clock, IdGenerator } from '@dw/kernel';
import { CLOCK, ID_GENERATOR } from '@dw/platform';
import type { Actor } from '../../../common/domain/actor';
import { decideOnStream } from '../../../common/events/decide-on-stream';
import { streams } from '../../../common/events/streams';
import { metadataOf, type Acting } from '../../../common/http/acting';
import { nowOf } from '../../../common/http/clock-instant';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { receiptDecider } from '../../domain/receipt.decider';
import type { Beneficiary, HoldKind } from '../../domain/receipt.hold';
import { receiptPublicEvents } from '../../integration/receipt-events.mapper';

export interface HoldRequest {
  readonly kind: HoldKind;
  readonly beneficiary: Beneficiary;
  readonly reason: string;
}

/** Places a pledge (by the holder, for a bank), a freeze (exchange or court) or a delivery hold (exchange); the hold id is allotted here. */
@Injectable()
export class PlaceHoldCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(receiptNumber: string, hold: HoldRequest, actor: Actor, acting: Acting, expectedVersion?: number): Promise<{ holdId: string; version: number }> {
    const holdId = this.ids.next();
    const handled = await this.store.transaction((tx) =>
      decideOnStream(tx, {
        stream: streams.receipt(receiptNumber),
        decider: receiptDecider,
        command: { type: 'PlaceHold', data: { holdId, ...hold, actor, at: nowOf(this.clock) } },
        metadata: metadataOf(acting, actor),
        expectedVersion,
        publish: this.outbox.of(receiptDecider, receiptPublicEvents),
      }),
    );
    return { holdId, version: handled.version };
  }
}
