import { Inject, Injectable } from '@nestjs/common';
import { loadAggregate } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, type Caller, callerContextOf } from '@dw/platform';
import { liveReceiptOf, lotTitleDecider } from '../../../registry/domain/lot-title.decider';
import { streams } from '../../../shared/inventory.streams';
import type { HoldKind } from '../../domain/stock.commands';
import type { Quantity } from '../../domain/quantity';
import { StockDecisions } from '../../stock-decisions';

/**
 * A reservation or freeze on part of a lot, for `holder`, who alone may release it; refused on
 * goods that back a live receipt (those are pledged or frozen through the receipt).
 */
@Injectable()
export class PlaceHoldCommandHandler {
  constructor(
    private readonly stock: StockDecisions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(lotId: string, hold: { holdId: string; kind: HoldKind; quantity: Quantity; reason: string; holder: string }, caller: Caller) {
    const acting = callerContextOf(caller, this.clock);
    return this.stock.levelsAfter(lotId, acting, async (tx) => ({
      type: 'PlaceHold',
      data: {
        lotId,
        ...hold,
        backingReceipt: liveReceiptOf((await loadAggregate(tx, streams.lotTitle(lotId).id, lotTitleDecider)).state),
        actor: acting.actor.subject,
        at: acting.at,
      },
    }));
  }
}
