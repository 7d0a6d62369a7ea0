import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { handleCommandIn, loadAggregate, type EventStoreTransaction, type HandledCommand } from '@dw/event-store';
import { TopicNames, type Acting, type Principal } from '@dw/platform';
import type { PhysicalOperation } from '@dw/work-orders';
import type { OrderAuthority } from '../authority/domain/order-authority.decider';
import { barcodeDecider } from '../barcode/domain/barcode.decider';
import { lotDecider } from '../lot/domain/lot.decider';
import type { WeighingReading } from '../lot/domain/weighing';
import { authorisedOrder, FloorOperations } from '../operation/floor-operations';
import type { OperationContext } from '../operation/operation-context';
import { streams } from '../shared/inventory.streams';
import { stockDecider } from '../stock/domain/stock.decider';
import { ShipOutCommandHandler } from '../stock/commands/ship-out/ship-out.command-handler';
import type { OutboundCommand, PieceOnRecord } from './domain/outbound.commands';
import { outboundDecider, outboundUnderway } from './domain/outbound.decider';
import { shippedPieceDecider } from './domain/shipped-piece.decider';
import type { LoadedOut } from './domain/outbound.events';
import type { Outbound, OutboundState } from './domain/outbound.state';
import { outboundOutbox } from './integration/outbound-events.mapper';

/** Picks by several handhelds commute; a race on the order's outbound stream is retried this many times. */
const PICK_RETRIES = 5;

/**
 * The step outbound floor work is authorised under. An order is picked, weighed and loaded one
 * vehicle at a time, over days, and its workflow records pick, weigh and load once each: so
 * every pick, weighing and load-out is done while the order is at its pick step, and the three
 * steps are reported done together when the last entitled piece has left (rule INV-OUTBOUND-FINISHED).
 */
const LOAD_OUT_STEP = 'pick';

type Reading = Omit<WeighingReading, 'source' | 'scaleId' | 'deviceVerified'>;

/**
 * Outbound floor work under an outbound work order: pick by barcode, weigh the picked load,
 * load it out (stock shipped out per lot, the load-out note issued). Each runs authorisation and
 * every decision it touches in one transaction; refusals are recorded for ops by FloorOperations.
 */
@Injectable()
export class OutboundCommandHandler {
  private readonly outboxFor: ReturnType<typeof outboundOutbox>;

  constructor(
    private readonly floor: FloorOperations,
    private readonly shipOut: ShipOutCommandHandler,
    @Inject(TopicNames) topics: TopicNames,
    @Inject(EventRegistry) registry: EventRegistry,
  ) {
    this.outboxFor = outboundOutbox(topics, registry);
  }

  /** Picks a piece by its barcode for the order's next load; the order's outbound record is opened by its first pick. */
  pick(orderId: string, barcode: string, principal: Principal) {
    const context: OperationContext = { operation: 'pick', subject: String(barcode), orderId };
    return this.floor.run(
      context,
      principal,
      async (tx, acting) => {
        const order = await authorisedOrder(tx, orderId, { operation: 'pick', step: LOAD_OUT_STEP }, context);
        if ((await tx.streamVersion(streams.outbound(orderId).id)) === 0) await this.open(tx, order, acting);
        const piece = await this.pieceOnRecord(tx, order.warehouse, String(barcode));
        const handled = await this.decide(tx, orderId, { type: 'PickPiece', data: { orderId, barcode, piece, actor: acting.actor, at: acting.at } }, acting);
        const outbound = handled.state as Outbound;
        return { orderId, version: handled.version, picked: outbound.picked.length, lotId: piece!.lotId };
      },
      { retriesOnConflict: PICK_RETRIES },
    );
  }

  /** A reading the scale signed: the platform verified the device (rule INV-SCALE-ONLY-WEIGHTS). */
  recordScaleReading(orderId: string, reading: Reading, principal: Principal) {
    // rule INV-SCALE-ONLY-WEIGHTS
    return this.weigh(orderId, { ...reading, source: 'scale', scaleId: principal.subject, deviceVerified: true }, principal);
  }

  /** A weight typed by hand: refused where the order's workflow demands a scale reading. */
  recordManualWeighing(orderId: string, reading: Reading, principal: Principal) {
    return this.weigh(orderId, { ...reading, source: 'manual', scaleId: null, deviceVerified: false }, principal);
  }

  /** The weighed load leaves: the stock of each lot on it is shipped out, and the load-out note issued. */
  loadOut(orderId: string, vehicle: string | null, principal: Principal) {
    return this.onOrder(orderId, 'load', principal, async (tx, acting, outbound) => {
      const onHand: Record<string, number> = {};
      for (const lotId of new Set(outbound.picked.map((piece) => piece.lotId))) {
        const { state } = await loadAggregate(tx, streams.stock(lotId).id, stockDecider);
        onHand[lotId] = state.status === 'none' ? 0 : state.onHand.pieces;
      }
      const handled = await this.decide(tx, orderId, { type: 'LoadOut', data: { orderId, vehicle, onHand, actor: acting.actor, at: acting.at } }, acting);
      const loaded = handled.appended!.events.find((event) => event.type === 'LoadedOut')!.data as LoadedOut['data'];
      // rules INV-SHIP-UNHELD-ONLY, INV-SHIP-UNDER-ENTITLEMENT: the stock book refuses goods held for
      // someone, goods still backing a receipt, and a lot entitled to another order's holder.
      for (const lot of loaded.lots) {
        for (const { barcode } of lot.pieces) {
          const piece = streams.shippedPiece(outbound.warehouse, barcode);
          await handleCommandIn(tx, {
            streamId: piece.id,
            streamType: piece.type,
            decider: shippedPieceDecider,
            command: {
              type: 'ShipPiece',
              data: { barcode, warehouse: outbound.warehouse, lotId: lot.lotId, orderId, loadNo: loaded.loadNo, actor: acting.actor, at: acting.at },
            },
            metadata: acting.metadata,
          });
        }
        await this.shipOut.execute(tx, lot.lotId, orderId, { pieces: lot.pieces.length, kg: lot.bookKg }, acting);
      }
      return { orderId, version: handled.version, ...summaryOf(loaded), finished: handled.state.status === 'finished' };
    });
  }

  private weigh(orderId: string, reading: WeighingReading, principal: Principal) {
    return this.onOrder(
      orderId,
      'weigh',
      principal,
      async (tx, acting) => {
        const handled = await this.decide(tx, orderId, { type: 'WeighLoad', data: { orderId, reading, actor: acting.actor, at: acting.at } }, acting);
        const weighing = (handled.state as Outbound).weighing!;
        return {
          orderId,
          version: handled.version,
          loadNo: weighing.loadNo,
          pieces: weighing.barcodes.length,
          bookKg: weighing.bookKg,
          netKg: weighing.netKg,
          overShortKg: weighing.overShortKg,
        };
      },
      reading.readingId,
    );
  }

  private onOrder<T>(
    orderId: string,
    operation: PhysicalOperation,
    principal: Principal,
    work: (tx: EventStoreTransaction, acting: Acting, outbound: Outbound) => Promise<T>,
    subject: string = orderId,
  ) {
    const context: OperationContext = { operation, subject: String(subject), orderId };
    return this.floor.run(context, principal, async (tx, acting) => {
      await authorisedOrder(tx, orderId, { operation, step: LOAD_OUT_STEP }, context);
      const { state } = await loadAggregate(tx, streams.outbound(orderId).id, outboundDecider);
      return work(tx, acting, outboundUnderway(state));
    });
  }

  /** What the warehouse's own records say about a barcode: the lot that claimed it and the piece's inbound weight. */
  private async pieceOnRecord(tx: EventStoreTransaction, warehouse: string, barcode: string): Promise<PieceOnRecord | null> {
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

  /** Opens the order's outbound record with what the order says: its entitlement and whether its weigh step needs a scale. */
  private async open(tx: EventStoreTransaction, order: OrderAuthority, acting: Acting): Promise<void> {
    await this.decide(
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
          actor: acting.actor,
          at: acting.at,
        },
      },
      acting,
    );
  }

  private decide(tx: EventStoreTransaction, orderId: string, command: OutboundCommand, acting: Acting): Promise<HandledCommand<OutboundState>> {
    const stream = streams.outbound(orderId);
    return handleCommandIn(tx, {
      streamId: stream.id,
      streamType: stream.type,
      decider: outboundDecider,
      command,
      metadata: acting.metadata,
      outboxFor: this.outboxFor,
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
