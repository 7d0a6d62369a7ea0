import { Injectable } from '@nestjs/common';
import { handleCommandIn, loadAggregate, type EventStoreTransaction } from '@dw/event-store';
import { refuse, shanghaiDateOf } from '@dw/kernel';
import type { Caller, CommandContext } from '@dw/platform';
import type { OrderAuthority } from '../../../authority/domain/order-authority.decider';
import { barcodeDecider } from '../../../barcode/domain/barcode.decider';
import { commodityCatalogueDecider } from '../../../commodity/domain/commodity-catalogue.decider';
import { toleranceInForceOn } from '../../../commodity/domain/commodity-weight-tolerance';
import { authorisedOrder, FloorOperations } from '../../../operation/floor-operations';
import type { OperationContext } from '../../../operation/operation-context';
import { onStream, lotIdOf, streams } from '../../../shared/inventory.streams';
import type { Lot } from '../../domain/lot.state';
import { LotOperations, type LotCommandData } from '../../lot-operations';

/**
 * Scans of one lot by several handhelds commute; a race on the lot stream is retried this many
 * times. A scan loses only to a scan that committed, so up to six handhelds on one lot never fail.
 */
const SCAN_RETRIES = 5;

/**
 * Scans a piece under an inbound order; the order's lot is opened by its first scan. One floor
 * operation: the order's authorisation (open, at unload_tally), the barcode's claim for the
 * warehouse and the lot's decision in one transaction, all or nothing.
 */
@Injectable()
export class ScanPieceCommandHandler {
  constructor(
    private readonly floor: FloorOperations,
    private readonly lots: LotOperations,
  ) {}

  execute(orderId: string, piece: LotCommandData<'ScanPiece'>, caller: Caller) {
    const context: OperationContext = { operation: 'receive', subject: String(piece.barcode), orderId };
    return this.floor.run(
      context,
      caller,
      async (tx, acting) => {
        const order = await authorisedOrder(tx, orderId, { operation: 'receive', step: 'unload_tally' }, context);
        const lotId = lotIdOf(orderId);
        if ((await tx.streamVersion(streams.lot(lotId).id)) === 0) await this.openLot(tx, lotId, order, acting);
        const barcode = streams.barcode(order.warehouse, String(piece.barcode));
        await handleCommandIn(tx, {
          ...onStream(barcode),
          decider: barcodeDecider,
          command: {
            type: 'ClaimBarcode',
            data: { barcode: piece.barcode, warehouse: order.warehouse, lotId, orderId, actor: acting.actor.subject, at: acting.at },
          },
          metadata: acting.metadata,
        });
        const handled = await this.lots.decideIn(
          tx,
          lotId,
          { type: 'ScanPiece', data: { ...piece, lotId, actor: acting.actor.subject, at: acting.at } },
          acting,
        );
        return { lotId, pieces: (handled.state as Lot).pieces.length, version: handled.version };
      },
      { retriesOnConflict: SCAN_RETRIES },
    );
  }

  /**
   * Opens the order's lot with what the order says (commodity, expectations, the checks its
   * workflow demands) and the commodity's weight tolerance in force today.
   */
  private async openLot(tx: EventStoreTransaction, lotId: string, order: OrderAuthority, acting: CommandContext): Promise<void> {
    // rule INV-LOT-KNOWN-COMMODITY
    const { state: catalogue } = await loadAggregate(tx, streams.catalogue.id, commodityCatalogueDecider);
    const commodity = catalogue.commodities[order.commodity];
    if (!commodity) {
      throw refuse.invalid('UNKNOWN_COMMODITY', `order ${order.orderId} names commodity ${order.commodity}, which is not in the master data`, 'commodity', {
        code: order.commodity,
      });
    }
    if (!order.expected) throw refuse.conflict('INBOUND_NOTICE_MISSING', `order ${order.orderId} carries no inbound notice`, { orderId: order.orderId });
    // rule INV-TOLERANCE-VERSIONS: the commodity's tolerance in force on the day the lot opens
    const tolerance = toleranceInForceOn(catalogue.tolerances[commodity.code], commodity.code, shanghaiDateOf(new Date(acting.at), 'at'));
    const steps = order.workflow.steps;
    await this.lots.decideIn(
      tx,
      lotId,
      {
        type: 'OpenLot',
        data: {
          lotId,
          orderId: order.orderId,
          warehouse: order.warehouse,
          owner: order.owner,
          commodity,
          expectedPieces: order.expected.pieces,
          expectedKg: order.expected.kg,
          scaleReadingRequired: steps.some((step) => step.code === 'weigh' && step.check === 'scale_reading'),
          inspectionRequired: steps.some((step) => step.code === 'inspect' && step.required),
          toleranceBps: tolerance.toleranceBps,
          actor: acting.actor.subject,
          at: acting.at,
        },
      },
      acting,
    );
  }
}
