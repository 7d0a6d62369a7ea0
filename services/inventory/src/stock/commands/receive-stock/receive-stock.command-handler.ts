import { Injectable } from '@nestjs/common';
import type { EventStoreTransaction } from '@dw/event-store';
import type { CommandContext } from '@dw/platform';
import type { Lot } from '../../../lot/domain/lot.state';
import { StockDecisions } from '../../stock-decisions';

/** Books an available lot into stock, in the transaction that made it available. */
@Injectable()
export class ReceiveStockCommandHandler {
  constructor(private readonly stock: StockDecisions) {}

  execute(tx: EventStoreTransaction, lot: Lot, acting: CommandContext) {
    const netKg = lot.weighed?.netKg ?? 0;
    return this.stock.decideIn(
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
          actor: acting.actor.subject,
          at: acting.at,
        },
      },
      acting,
    );
  }
}
