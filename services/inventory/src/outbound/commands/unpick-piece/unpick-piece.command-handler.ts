import { Injectable } from '@nestjs/common';
import type { Caller } from '@dw/platform';
import type { OutboundPieceUnpicked } from '../../domain/outbound.events';
import type { Outbound } from '../../domain/outbound.state';
import { OutboundFloorWork, pieceOnRecord } from '../../outbound-floor-work';

/**
 * A picked piece returned to stock before its load leaves (a wrong bundle picked, one damaged on
 * the forks, a vehicle that cannot take it), authorised exactly as a pick is: by the order, open
 * and at its pick step, in the same transaction. Picking books nothing in stock (the stock book
 * changes when the load leaves), so returning the piece is the order's record alone: it is no
 * longer on the load and may be picked again. Refusals are recorded for ops as `unpick`.
 */
@Injectable()
export class UnpickPieceCommandHandler {
  constructor(private readonly outbound: OutboundFloorWork) {}

  execute(orderId: string, barcode: string, reason: string, caller: Caller) {
    return this.outbound.onOrder(
      orderId,
      'pick',
      caller,
      async (tx, acting, outbound) => {
        // The warehouse's records tell a piece that is not this order's from one merely not picked.
        const piece = await pieceOnRecord(tx, outbound.warehouse, String(barcode));
        const handled = await this.outbound.decide(
          tx,
          orderId,
          { type: 'UnpickPiece', data: { orderId, barcode, reason, piece, actor: acting.actor.subject, at: acting.at } },
          acting,
        );
        const returned = handled.appended!.events[0]!.data as OutboundPieceUnpicked['data'];
        return {
          orderId,
          version: handled.version,
          barcode: returned.barcode,
          lotId: returned.lotId,
          picked: (handled.state as Outbound).picked.length,
          voidedWeighing: returned.voidedWeighing,
        };
      },
      { subject: String(barcode), recordedAs: 'unpick' },
    );
  }
}
