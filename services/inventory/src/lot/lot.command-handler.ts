import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { handleCommandIn, loadAggregate, type EventStoreTransaction, type HandledCommand } from '@dw/event-store';
import { refuse, shanghaiDateOf } from '@dw/kernel';
import { TopicNames, type Principal, type Acting } from '@dw/platform';
import type { PhysicalOperation } from '@dw/work-orders';
import type { OrderAuthority } from '../authority/domain/order-authority.decider';
import { barcodeDecider } from '../barcode/domain/barcode.decider';
import { commodityCatalogueDecider } from '../commodity/domain/commodity-catalogue.decider';
import { toleranceInForceOn } from '../commodity/domain/commodity-weight-tolerance';
import { locationDecider } from '../location/domain/location.decider';
import { authorisedOrder, FloorOperations } from '../operation/floor-operations';
import type { OperationContext } from '../operation/operation-context';
import { lotIdOf, streams } from '../shared/inventory.streams';
import { lotDecider } from './domain/lot.decider';
import type { LotCommand } from './domain/lot.commands';
import type { Lot, LotState } from './domain/lot.state';
import type { WeighingReading } from './domain/weighing';
import { lotOutbox } from './integration/lot-events.mapper';

type Stamp = 'lotId' | 'actor' | 'at';

/**
 * Scans of one lot by several handhelds commute; a race on the lot stream is retried this many
 * times. A scan loses only to a scan that committed, so up to six handhelds on one lot never fail.
 */
const SCAN_RETRIES = 5;
type LotCommandData<T extends LotCommand['type']> = Omit<Extract<LotCommand, { type: T }>['data'], Stamp>;

/**
 * Receiving under an inbound order, one floor operation per method. Each runs authorisation
 * (the order must be open and at the step the operation belongs to), the lot's decision and,
 * where goods touch another aggregate (a barcode claim, a location's capacity), that decision
 * too, in one transaction: all or nothing. Refusals are recorded for ops by FloorOperations.
 */
@Injectable()
export class LotCommandHandler {
  private readonly outboxFor: ReturnType<typeof lotOutbox>;

  constructor(
    private readonly floor: FloorOperations,
    @Inject(TopicNames) topics: TopicNames,
    @Inject(EventRegistry) registry: EventRegistry,
  ) {
    this.outboxFor = lotOutbox(topics, registry);
  }

  /** Scans a piece under an inbound order; the order's lot is opened by its first scan. */
  scan(orderId: string, piece: LotCommandData<'ScanPiece'>, principal: Principal) {
    const context: OperationContext = { operation: 'receive', subject: String(piece.barcode), orderId };
    return this.floor.run(
      context,
      principal,
      async (tx, acting) => {
        const order = await authorisedOrder(tx, orderId, { operation: 'receive', step: 'unload_tally' }, context);
        const lotId = lotIdOf(orderId);
        if ((await tx.streamVersion(streams.lot(lotId).id)) === 0) await this.openLot(tx, lotId, order, acting);
        const barcode = streams.barcode(order.warehouse, String(piece.barcode));
        await handleCommandIn(tx, {
          streamId: barcode.id,
          streamType: barcode.type,
          decider: barcodeDecider,
          command: { type: 'ClaimBarcode', data: { barcode: piece.barcode, warehouse: order.warehouse, lotId, orderId, actor: acting.actor, at: acting.at } },
          metadata: acting.metadata,
        });
        const handled = await this.decide(tx, lotId, { type: 'ScanPiece', data: { ...piece, lotId, actor: acting.actor, at: acting.at } }, acting);
        return { lotId, pieces: (handled.state as Lot).pieces.length, version: handled.version };
      },
      { retriesOnConflict: SCAN_RETRIES },
    );
  }

  finishTally(lotId: string, principal: Principal) {
    return this.onLot(lotId, 'receive', 'unload_tally', principal, (_lot, acting) => ({
      type: 'FinishTally',
      data: { lotId, actor: acting.actor, at: acting.at },
    }));
  }

  /** A reading a scale signed: the platform verified the device, so it counts as a verified scale reading. */
  recordScaleReading(lotId: string, reading: Omit<WeighingReading, 'source' | 'scaleId' | 'deviceVerified'>, principal: Principal) {
    // rule INV-SCALE-ONLY-WEIGHTS
    const signed: WeighingReading = { ...reading, source: 'scale', scaleId: principal.subject, deviceVerified: true };
    return this.onLot(
      lotId,
      'weigh',
      'weigh',
      principal,
      (_lot, acting) => ({ type: 'RecordWeighing', data: { lotId, reading: signed, actor: acting.actor, at: acting.at } }),
      reading.readingId,
    );
  }

  /** A weight typed by hand: accepted only where the order's workflow does not demand a scale reading. */
  recordManualWeighing(lotId: string, reading: Omit<WeighingReading, 'source' | 'scaleId' | 'deviceVerified'>, principal: Principal) {
    const typed: WeighingReading = { ...reading, source: 'manual', scaleId: null, deviceVerified: false };
    return this.onLot(
      lotId,
      'weigh',
      'weigh',
      principal,
      (_lot, acting) => ({ type: 'RecordWeighing', data: { lotId, reading: typed, actor: acting.actor, at: acting.at } }),
      reading.readingId,
    );
  }

  finishWeighing(lotId: string, principal: Principal) {
    return this.onLot(lotId, 'weigh', 'weigh', principal, (_lot, acting) => ({ type: 'FinishWeighing', data: { lotId, actor: acting.actor, at: acting.at } }));
  }

  inspect(lotId: string, inspection: LotCommandData<'RecordInspection'>, principal: Principal) {
    return this.onLot(
      lotId,
      'inspect',
      'inspect',
      principal,
      (_lot, acting) => ({ type: 'RecordInspection', data: { ...inspection, lotId, actor: acting.actor, at: acting.at } }),
      inspection.reportRef,
    );
  }

  /** Places pieces of the lot at a location: the lot records where they are, the location checks its capacity. */
  putAway(lotId: string, placement: LotCommandData<'PutAwayPieces'>, principal: Principal) {
    const context: OperationContext = { operation: 'put_away', subject: String(placement.locationId) };
    return this.floor.run(context, principal, async (tx, acting) => {
      const lot = await this.lotOf(tx, lotId, context);
      const location = streams.location(String(placement.locationId));
      const { state: place } = await loadAggregate(tx, location.id, locationDecider);
      // The location's warehouse is the one the goods go into; the order must authorise that one.
      const warehouse = place.status === 'none' ? lot.warehouse : place.warehouse;
      await authorisedOrder(tx, lot.orderId, { operation: 'put_away', step: 'put_away', warehouse, owner: lot.owner }, context);
      const handled = await this.decide(tx, lotId, { type: 'PutAwayPieces', data: { ...placement, lotId, actor: acting.actor, at: acting.at } }, acting);
      const placed = handled.appended!.events.flatMap((event) =>
        event.type === 'PiecesPutAway' ? (event.data as { pieces: { barcode: string; netKg: number }[] }).pieces : [],
      );
      await handleCommandIn(tx, {
        streamId: location.id,
        streamType: location.type,
        decider: locationDecider,
        command: {
          type: 'PutAwayGoods',
          data: { locationId: placement.locationId, warehouse: lot.warehouse, orderId: lot.orderId, lotId, pieces: placed, actor: acting.actor, at: acting.at },
        },
        metadata: acting.metadata,
      });
      const after = handled.state as Lot;
      return { lotId, version: handled.version, placed: placed.length, unplaced: after.pieces.filter((piece) => piece.locationId === null).length };
    });
  }

  /**
   * The inbound order was completed at the desk: the lot becomes available and is booked into
   * stock, in the caller's (inbox) transaction. Null when the order received no lot.
   */
  async completeIn(tx: EventStoreTransaction, orderId: string, acting: Acting): Promise<Lot | null> {
    const lotId = lotIdOf(orderId);
    const { state } = await loadAggregate(tx, streams.lot(lotId).id, lotDecider);
    if (state.status === 'none') return null;
    const handled = await this.decide(tx, lotId, { type: 'CompleteReceiving', data: { lotId, actor: acting.actor, at: acting.at } }, acting);
    return handled.state as Lot;
  }

  private onLot(
    lotId: string,
    operation: PhysicalOperation,
    step: string,
    principal: Principal,
    command: (lot: Lot, acting: Acting) => LotCommand,
    subject: string = lotId,
  ) {
    const context: OperationContext = { operation, subject: String(subject) };
    return this.floor.run(context, principal, async (tx, acting) => {
      const lot = await this.lotOf(tx, lotId, context);
      await authorisedOrder(tx, lot.orderId, { operation, step, warehouse: lot.warehouse, owner: lot.owner }, context);
      const handled = await this.decide(tx, lotId, command(lot, acting), acting);
      return { lotId, version: handled.version, status: handled.state.status };
    });
  }

  private async lotOf(tx: EventStoreTransaction, lotId: string, context: OperationContext): Promise<Lot> {
    const { state } = await loadAggregate(tx, streams.lot(lotId).id, lotDecider);
    if (state.status === 'none') throw refuse.notFound('LOT_NOT_FOUND', `no lot ${lotId}`, { lotId });
    Object.assign(context, { orderId: state.orderId, warehouse: state.warehouse, owner: state.owner });
    return state;
  }

  /**
   * Opens the order's lot with what the order says (commodity, expectations, the checks its
   * workflow demands) and the commodity's weight tolerance in force today.
   */
  private async openLot(tx: EventStoreTransaction, lotId: string, order: OrderAuthority, acting: Acting): Promise<void> {
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
    await this.decide(
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
          actor: acting.actor,
          at: acting.at,
        },
      },
      acting,
    );
  }

  private decide(tx: EventStoreTransaction, lotId: string, command: LotCommand, acting: Acting): Promise<HandledCommand<LotState>> {
    const stream = streams.lot(lotId);
    return handleCommandIn(tx, {
      streamId: stream.id,
      streamType: stream.type,
      decider: lotDecider,
      command,
      metadata: acting.metadata,
      outboxFor: this.outboxFor,
    });
  }
}
