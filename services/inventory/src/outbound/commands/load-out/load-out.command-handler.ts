import { Injectable } from '@nestjs/common';
import { handleCommandIn, loadAggregate } from '@dw/event-store';
import type { Caller } from '@dw/platform';
import { onStream, streams } from '../../../shared/inventory.streams';
import { lotDecider } from '../../../lot/domain/lot.decider';
import { stockDecider } from '../../../stock/domain/stock.decider';
import { ShipOutCommandHandler } from '../../../stock/commands/ship-out/ship-out.command-handler';
import type { LoadedOut } from '../../domain/outbound.events';
import { shippedPieceDecider } from '../../domain/shipped-piece.decider';
import { OutboundFloorWork } from '../../outbound-floor-work';

/**
 * The weighed load leaves: the stock of each lot on it is shipped out, each piece recorded as
 * having left, and the load-out note issued, all in the transaction that checks the order's
 * authorisation.
 */
@Injectable()
export class LoadOutCommandHandler {
  constructor(
    private readonly outbound: OutboundFloorWork,
    private readonly shipOut: ShipOutCommandHandler,
  ) {}

  execute(orderId: string, vehicle: string | null, caller: Caller) {
    return this.outbound.onOrder(orderId, 'load', caller, async (tx, acting, outbound) => {
      const onHand: Record<string, number> = {};
      const toleranceBps: Record<string, number> = {};
      for (const lotId of new Set(outbound.picked.map((piece) => piece.lotId))) {
        const { state } = await loadAggregate(tx, streams.stock(lotId).id, stockDecider);
        onHand[lotId] = state.status === 'none' ? 0 : state.onHand.pieces;
        const { state: lot } = await loadAggregate(tx, streams.lot(lotId).id, lotDecider);
        toleranceBps[lotId] = lot.status === 'none' ? 0 : lot.toleranceBps;
      }
      const handled = await this.outbound.decide(
        tx,
        orderId,
        { type: 'LoadOut', data: { orderId, vehicle, onHand, toleranceBps, actor: acting.actor.subject, at: acting.at } },
        acting,
      );
      const loaded = handled.appended!.events.find((event) => event.type === 'LoadedOut')!.data as LoadedOut['data'];
      // rules INV-SHIP-UNHELD-ONLY, INV-SHIP-UNDER-ENTITLEMENT: the stock book refuses goods held for
      // someone, goods still backing a receipt, and a lot entitled to another order's holder.
      for (const lot of loaded.lots) {
        for (const { barcode } of lot.pieces) {
          const piece = streams.shippedPiece(outbound.warehouse, barcode);
          await handleCommandIn(tx, {
            ...onStream(piece),
            decider: shippedPieceDecider,
            command: {
              type: 'ShipPiece',
              data: { barcode, warehouse: outbound.warehouse, lotId: lot.lotId, orderId, loadNo: loaded.loadNo, actor: acting.actor.subject, at: acting.at },
            },
            metadata: acting.metadata,
          });
        }
        await this.shipOut.execute(tx, lot.lotId, orderId, { pieces: lot.pieces.length, kg: lot.bookKg }, acting);
      }
      return { orderId, version: handled.version, ...summaryOf(loaded), finished: handled.state.status === 'finished' };
    });
  }
}

/** What a load-out answers: the note and the weights of the load. */
function summaryOf(loaded: LoadedOut['data']) {
  return {
    loadNo: loaded.loadNo,
    noteId: loaded.noteId,
    noteSha256: loaded.noteSha256,
    pieces: loaded.pieces,
    bookKg: loaded.bookKg,
    netKg: loaded.netKg,
    overShortKg: loaded.overShortKg,
    lots: loaded.lots.map((lot) => ({
      lotId: lot.lotId,
      pieces: lot.pieces.length,
      bookKg: lot.bookKg,
      netKg: lot.netKg,
      overShortKg: lot.overShortKg,
      lastPieces: lot.lotTotals !== null,
    })),
  };
}
