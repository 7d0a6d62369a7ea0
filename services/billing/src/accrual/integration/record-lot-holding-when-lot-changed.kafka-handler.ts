import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  fromTimestamp,
  fromWeight,
  LotBecameAvailableSchema,
  LotShippedOutSchema,
  PiecesShippedOutSchema,
  type LotBecameAvailable,
  type LotShippedOut,
  type PiecesShippedOut,
} from '@dw/contracts';
import { type EventStoreTransaction, handleCommandIn, loadAggregate } from '@dw/event-store';
import { type Clock, DomainError, refuse, shanghaiDateOf } from '@dw/kernel';
import { NonRetryableMessageError } from '@dw/messaging';
import { CLOCK, InboxContext } from '@dw/platform';
import { streams } from '../../common/events/streams';
import { settlementPricesDecider } from '../../settlement-price/domain/settlement-prices.decider';
import { lotGoodsDecider, type LotGoods } from '../domain/lot-goods.decider';
import { workOrderFactsDecider, type WorkOrderFacts } from '../domain/work-order-facts.decider';
import { HoldingAccrual } from '../holding-accrual';

/**
 * Refusals a later fact resolves: the lot not opened in billing yet, the exchange's settlement
 * price not published yet. Retried (bounded), then dead-lettered with the
 * code for ops to replay once the fact is there.
 */
const RETRIED_UNTIL_PUBLISHED = new Set(['HOLDING_NOT_OPEN', 'SETTLEMENT_PRICE_NOT_PUBLISHED']);

/**
 * Inventory → billing: a lot's goods as received (commodity, actual weight, the kind of area
 * they lie in) open the lot's timeline to their owner (the party behind the inbound order's
 * storage card) with the load-in fee; each load-out charges its holder the load-out fee by the
 * pickup method of its outbound order and settles its over/short with that holder at the
 * exchange's settlement price (BILL-OVER-SHORT-SETTLEMENT-PRICE); the lot's last load-out ends
 * its storage. Applied through the inbox with its inbox row (a repeat changes nothing). A work order not yet consumed from
 * the order service's topic is retried; any other refusal is dead-lettered with its code.
 */
@Controller()
export class RecordLotHoldingWhenLotChangedKafkaHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(HoldingAccrual) private readonly accrual: HoldingAccrual,
  ) {}

  @EventPattern(LotBecameAvailableSchema.typeName)
  async available(@Payload() event: LotBecameAvailable, @Ctx() ctx: InboxContext): Promise<void> {
    await this.applying(event.lotId, async () => {
      const recorded = await handleCommandIn(ctx.store, {
        ...streams.lotGoods(event.lotId),
        decider: lotGoodsDecider,
        command: {
          type: 'RecordLotGoods',
          data: {
            lotId: event.lotId,
            commodity: event.commodity?.code ?? '',
            weightKg: event.net ? fromWeight(event.net) : 0,
            ownerStorageCard: event.ownerStorageCard,
            areaKinds: event.locations.map((location) => location.areaKind),
            at: this.clock.now().toISOString(),
          },
        },
        metadata: ctx.causedMetadata(),
      });
      const goods = recorded.state!;
      const order = await this.workOrderIn(ctx.store, event.orderId, `lot ${event.lotId}`);
      const on = shanghaiDateOf(new Date(fromTimestamp(event.completedAt, 'completedAt')), 'completedAt');
      await this.accrual.decideIn(
        ctx.store,
        { kind: 'lot', id: event.lotId },
        (pricing) => ({
          type: 'OpenHolding',
          data: {
            ...pricing,
            thing: { kind: 'lot', id: event.lotId },
            goods: { commodity: goods.commodity, storageKind: goods.storageKind, weightKg: goods.weightKg },
            holderPartyId: order.ownerPartyId,
            on,
            cause: `received:${event.lotId}`,
            chargeLoadIn: true,
          },
        }),
        ctx.causedMetadata(),
        [order.ownerPartyId],
      );
    });
  }

  @EventPattern(PiecesShippedOutSchema.typeName)
  async piecesShipped(@Payload() event: PiecesShippedOut, @Ctx() ctx: InboxContext): Promise<void> {
    await this.applying(event.lotId, async () => {
      const order = await this.workOrderIn(ctx.store, event.orderId, `lot ${event.lotId}`);
      const goods = await this.lotGoodsIn(ctx.store, event.lotId);
      const { state: settlementPrices } = await loadAggregate(ctx.store, streams.settlementPrices(goods.commodity).streamId, settlementPricesDecider);
      const method = order.pickupMethod;
      if (!method) {
        throw refuse.invalid(
          'LOAD_OUT_METHOD_UNKNOWN',
          `outbound order ${event.orderId} was not opened from a pickup application: no pickup method prices its load-out`,
          'orderId',
          {
            orderId: event.orderId,
          },
        );
      }
      await this.accrual.decideIn(
        ctx.store,
        { kind: 'lot', id: event.lotId },
        (pricing) => ({
          type: 'ChargeLoadOut',
          data: {
            ...pricing,
            shipmentId: `${event.lotId}:${event.loadOutNoteId}`,
            method,
            weightKg: event.net ? fromWeight(event.net) : 0,
            overShortKg: event.overShort ? fromWeight(event.overShort) : 0,
            settlementPrices,
            on: event.shippedOn?.value ?? '',
          },
        }),
        ctx.causedMetadata(),
      );
    });
  }

  @EventPattern(LotShippedOutSchema.typeName)
  async lotShipped(@Payload() event: LotShippedOut, @Ctx() ctx: InboxContext): Promise<void> {
    const on = shanghaiDateOf(new Date(fromTimestamp(event.shippedAt, 'shippedAt')), 'shippedAt');
    await this.applying(event.lotId, () =>
      this.accrual.decideIn(
        ctx.store,
        { kind: 'lot', id: event.lotId },
        (pricing) => ({ type: 'ChangeHolder', data: { ...pricing, holderPartyId: null, on, cause: `shipped:${event.lotId}` } }),
        ctx.causedMetadata(),
      ),
    );
  }

  /** The lot's goods as received (their commodity prices the over/short); recorded before any load-out, on the same topic and key. */
  private async lotGoodsIn(tx: EventStoreTransaction, lotId: string): Promise<LotGoods> {
    const { state } = await loadAggregate(tx, streams.lotGoods(lotId).streamId, lotGoodsDecider);
    if (!state) throw refuse.conflict('HOLDING_NOT_OPEN', `billing has not seen lot ${lotId} received`, { lotId });
    return state;
  }

  /** The work order's facts; not consumed yet (another topic) is retried, not refused. */
  private async workOrderIn(tx: EventStoreTransaction, orderId: string, what: string): Promise<WorkOrderFacts> {
    const { state } = await loadAggregate(tx, streams.workOrderFacts(orderId).streamId, workOrderFactsDecider);
    if (!state) throw new Error(`${what}: work order ${orderId} has not reached billing yet`);
    return state;
  }

  private async applying(lotId: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (error instanceof DomainError && !RETRIED_UNTIL_PUBLISHED.has(error.code))
        throw new NonRetryableMessageError(error.code, `lot ${lotId}: ${error.message}`);
      throw error;
    }
  }
}
