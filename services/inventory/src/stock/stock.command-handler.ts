import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn, type EventStoreTransaction } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, type Principal, actingAs, type Acting } from '@dw/platform';
import { streams } from '../shared/inventory.streams';
import type { Lot } from '../lot/domain/lot.state';
import { stockDecider, stockLevels } from './domain/stock.decider';
import type { HoldKind, StockCommand } from './domain/stock.commands';
import type { Quantity } from './domain/quantity';

/** Stock per lot: booked in when its lot becomes available, then held, released, shipped and corrected. */
@Injectable()
export class StockCommandHandler {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Books an available lot into stock, in the transaction that made it available. */
  receiveIn(tx: EventStoreTransaction, lot: Lot, acting: Acting) {
    const netKg = lot.weighed?.netKg ?? 0;
    return this.decideIn(
      tx,
      lot.lotId,
      {
        type: 'ReceiveStock',
        data: {
          lotId: lot.lotId,
          orderId: lot.orderId,
          warehouse: lot.warehouse,
          owner: lot.owner,
          commodityCode: lot.commodity.code,
          quantity: { pieces: lot.pieces.length, kg: netKg },
          actor: acting.actor,
          at: acting.at,
        },
      },
      acting,
    );
  }

  /** A reservation or freeze on part of a lot, for `holder`, who alone may release it. */
  placeHold(lotId: string, hold: { holdId: string; kind: HoldKind; quantity: Quantity; reason: string; holder: string }, principal: Principal) {
    const acting = actingAs(principal, this.clock, lotId);
    return this.levelsAfter(lotId, { type: 'PlaceHold', data: { lotId, ...hold, actor: acting.actor, at: acting.at } }, acting);
  }

  /** Releases a hold on behalf of `holder` (the party asking); refused unless it is the hold's holder. */
  releaseHold(lotId: string, holdId: string, holder: string, principal: Principal) {
    const acting = actingAs(principal, this.clock, lotId);
    return this.levelsAfter(lotId, { type: 'ReleaseHold', data: { lotId, holdId, holder, actor: acting.actor, at: acting.at } }, acting);
  }

  decideIn(tx: EventStoreTransaction, lotId: string, command: StockCommand, acting: Acting) {
    const stream = streams.stock(lotId);
    return handleCommandIn(tx, { streamId: stream.id, streamType: stream.type, decider: stockDecider, command, metadata: acting.metadata });
  }

  private async levelsAfter(lotId: string, command: StockCommand, acting: Acting) {
    const handled = await this.store.transaction((tx) => this.decideIn(tx, lotId, command, acting));
    return { lotId, version: handled.version, levels: handled.state.status === 'none' ? null : stockLevels(handled.state) };
  }
}
