import { Injectable } from '@nestjs/common';
import type { EventStoreTransaction } from '@dw/event-store';
import type { CommandContext, Caller } from '@dw/platform';
import type { OrderAuthority } from '../../../authority/domain/order-authority.decider';
import { authorisedOrder, FloorOperations } from '../../../operation/floor-operations';
import type { OperationContext } from '../../../operation/operation-context';
import { streams } from '../../../shared/inventory.streams';
import type { Outbound } from '../../domain/outbound.state';
import { LOAD_OUT_STEP, OutboundFloorWork, pieceOnRecord } from '../../outbound-floor-work';

/** Picks by several handhelds commute; a race on the order's outbound stream is retried this many times. */
const PICK_RETRIES = 5;

/**
 * A piece picked by its barcode for the order's next load, authorised by the order at its pick
 * step in the same transaction; the order's outbound record is opened by its first pick.
 * Refusals are recorded for ops by FloorOperations.
 */
@Injectable()
export class PickPieceCommandHandler {
  constructor(
    private readonly floor: FloorOperations,
    private readonly outbound: OutboundFloorWork,
  ) {}

  execute(orderId: string, barcode: string, caller: Caller) {
    const context: OperationContext = { operation: 'pick', subject: String(barcode), orderId };
    return this.floor.run(
      context,
      caller,
      async (tx, acting) => {
        const order = await authorisedOrder(tx, orderId, { operation: 'pick', step: LOAD_OUT_STEP }, context);
        if ((await tx.streamVersion(streams.outbound(orderId).id)) === 0) await this.open(tx, order, acting);
        const piece = await pieceOnRecord(tx, order.warehouse, String(barcode));
        const handled = await this.outbound.decide(
          tx,
          orderId,
          { type: 'PickPiece', data: { orderId, barcode, piece, actor: acting.actor.subject, at: acting.at } },
          acting,
        );
        const outbound = handled.state as Outbound;
        return { orderId, version: handled.version, picked: outbound.picked.length, lotId: piece!.lotId };
      },
      { retriesOnConflict: PICK_RETRIES },
    );
  }

  /** Opens the order's outbound record with what the order says: its entitlement and whether its weigh step needs a scale. */
  private async open(tx: EventStoreTransaction, order: OrderAuthority, acting: CommandContext): Promise<void> {
    await this.outbound.decide(
      tx,
      order.orderId,
      {
        type: 'OpenOutbound',
        data: {
          orderId: order.orderId,
          warehouse: order.warehouse,
          owner: order.owner,
          ownerParty: order.ownerParty,
          commodity: order.commodity,
          entitlement: order.entitlement,
          scaleReadingRequired: order.workflow.steps.some((step) => step.code === 'weigh' && step.check === 'scale_reading'),
          actor: acting.actor.subject,
          at: acting.at,
        },
      },
      acting,
    );
  }
}
