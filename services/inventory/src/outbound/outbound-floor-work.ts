import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { handleCommandIn, loadAggregate, type EventStoreTransaction, type HandledCommand } from '@dw/event-store';
import { TopicNames, type CommandContext, type Caller } from '@dw/platform';
import type { PhysicalOperation } from '@dw/work-orders';
import { barcodeDecider } from '../barcode/domain/barcode.decider';
import { lotDecider } from '../lot/domain/lot.decider';
import { authorisedOrder, FloorOperations } from '../operation/floor-operations';
import type { OperationContext } from '../operation/operation-context';
import { onStream, streams } from '../shared/inventory.streams';
import type { OutboundCommand, PieceOnRecord } from './domain/outbound.commands';
import { outboundDecider, outboundUnderway } from './domain/outbound.decider';
import type { Outbound, OutboundState } from './domain/outbound.state';
import { shippedPieceDecider } from './domain/shipped-piece.decider';
import { outboundOutbox } from './integration/outbound-events.mapper';

/**
 * The step outbound floor work is authorised under. An order is picked, weighed and loaded one
 * vehicle at a time, over days, and its workflow records pick, weigh and load once each: so
 * every pick, weighing and load-out is done while the order is at its pick step, and the three
 * steps are reported done together when the last entitled piece has left (rule INV-OUTBOUND-FINISHED).
 */
export const LOAD_OUT_STEP = 'pick';

/**
 * What the outbound use cases share: deciding on an order's outbound record (with its public
 * messages), running work on a record already underway under the order's authorisation, and what
 * the warehouse's own records say about a scanned barcode.
 */
@Injectable()
export class OutboundFloorWork {
  private readonly outboxFor: ReturnType<typeof outboundOutbox>;

  constructor(
    private readonly floor: FloorOperations,
    @Inject(TopicNames) topics: TopicNames,
    @Inject(EventRegistry) registry: EventRegistry,
  ) {
    this.outboxFor = outboundOutbox(topics, registry);
  }

  /**
   * Runs `work` on the order's outbound record, in one transaction with the order's authorisation
   * of `operation` at its pick step; refused before the first pick and once finished. A refusal is
   * recorded for ops as `recordedAs` (default: the operation) about `subject` (default: the order).
   */
  onOrder<T>(
    orderId: string,
    operation: PhysicalOperation,
    caller: Caller,
    work: (tx: EventStoreTransaction, acting: CommandContext, outbound: Outbound) => Promise<T>,
    { subject = orderId, recordedAs = operation }: { subject?: string; recordedAs?: string } = {},
  ): Promise<T> {
    const context: OperationContext = { operation: recordedAs, subject: String(subject), orderId };
    return this.floor.run(context, caller, async (tx, acting) => {
      await authorisedOrder(tx, orderId, { operation, step: LOAD_OUT_STEP }, context);
      const { state } = await loadAggregate(tx, streams.outbound(orderId).id, outboundDecider);
      return work(tx, acting, outboundUnderway(state));
    });
  }

  /** Decides `command` on the order's outbound stream and appends, with the public messages it gives. */
  decide(tx: EventStoreTransaction, orderId: string, command: OutboundCommand, acting: CommandContext): Promise<HandledCommand<OutboundState>> {
    return handleCommandIn(tx, {
      ...onStream(streams.outbound(orderId)),
      decider: outboundDecider,
      command,
      metadata: acting.metadata,
      outboxFor: this.outboxFor,
    });
  }
}

/** What the warehouse's own records say about a barcode: the lot that claimed it and the piece's inbound weight. */
export async function pieceOnRecord(tx: EventStoreTransaction, warehouse: string, barcode: string): Promise<PieceOnRecord | null> {
  const { state: claim } = await loadAggregate(tx, streams.barcode(warehouse, barcode).id, barcodeDecider);
  if (claim.status !== 'claimed') return null;
  const { state: lot } = await loadAggregate(tx, streams.lot(claim.lotId).id, lotDecider);
  const piece = lot.status === 'none' ? undefined : lot.pieces.find((candidate) => candidate.barcode === barcode);
  if (lot.status === 'none' || !piece) return null;
  const { state: left } = await loadAggregate(tx, streams.shippedPiece(warehouse, barcode).id, shippedPieceDecider);
  return {
    lotId: lot.lotId,
    warehouse: lot.warehouse,
    owner: lot.owner,
    lotInStore: lot.status === 'available',
    bookKg: piece.netKg ?? 0,
    shipped: left.status === 'shipped' ? { orderId: left.orderId, loadNo: left.loadNo } : null,
  };
}
