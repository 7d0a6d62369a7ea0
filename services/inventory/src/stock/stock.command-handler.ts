import { Injectable } from '@nestjs/common';
import { handleCommandIn, type EventStoreTransaction } from '@dw/event-store';
import type { Acting } from '../shared/acting';
import { streams } from '../shared/inventory.streams';
import type { Lot } from '../lot/domain/lot.state';
import { stockDecider } from './domain/stock.decider';
import type { StockCommand } from './domain/stock.commands';

/** Stock per lot: booked in when its lot becomes available, then held, released, shipped and corrected. */
@Injectable()
export class StockCommandHandler {
  /** Books an available lot into stock, in the transaction that made it available. */
  receiveIn(tx: EventStoreTransaction, lot: Lot, acting: Acting) {
    const netKg = lot.weighed?.netKg ?? 0;
    return this.decideIn(tx, lot.lotId, {
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
    }, acting);
  }

  decideIn(tx: EventStoreTransaction, lotId: string, command: StockCommand, acting: Acting) {
    const stream = streams.stock(lotId);
    return handleCommandIn(tx, { streamId: stream.id, streamType: stream.type, decider: stockDecider, command, metadata: acting.metadata });
  }
}
