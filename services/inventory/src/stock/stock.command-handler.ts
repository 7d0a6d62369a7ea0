import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { EventStore, handleCommandIn, loadAggregate, type EventStoreTransaction, type OutboxMapper } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, type Principal, actingAs, type Acting, TopicNames } from '@dw/platform';
import { orderAuthorityDecider } from '../authority/domain/order-authority.decider';
import { liveReceiptOf, lotTitleDecider } from '../registry/domain/lot-title.decider';
import { streams } from '../shared/inventory.streams';
import type { Lot } from '../lot/domain/lot.state';
import { stockDecider, stockLevels } from './domain/stock.decider';
import type { HoldKind, StockCommand } from './domain/stock.commands';
import type { Quantity } from './domain/quantity';
import { stockHoldOutbox } from './integration/stock-hold-events.mapper';

/** Stock per lot: booked in when its lot becomes available, then held, released, shipped and corrected. */
@Injectable()
export class StockCommandHandler {
  private readonly outbox: OutboxMapper;

  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TopicNames) topics: TopicNames,
    @Inject(EventRegistry) registry: EventRegistry,
  ) {
    this.outbox = stockHoldOutbox(topics, registry);
  }

  /** Books an available lot into stock, in the transaction that made it available. */
  receiveIn(tx: EventStoreTransaction, lot: Lot, acting: Acting) {
    const netKg = lot.weighed?.netKg ?? 0;
    return this.decideIn(
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
          actor: acting.actor,
          at: acting.at,
        },
      },
      acting,
    );
  }

  /**
   * A reservation or freeze on part of a lot, for `holder`, who alone may release it; refused on
   * goods that back a live receipt (those are pledged or frozen through the receipt).
   */
  placeHold(lotId: string, hold: { holdId: string; kind: HoldKind; quantity: Quantity; reason: string; holder: string }, principal: Principal) {
    const acting = actingAs(principal, this.clock, lotId);
    return this.levelsAfter(lotId, acting, async (tx) => ({
      type: 'PlaceHold',
      data: {
        lotId,
        ...hold,
        backingReceipt: liveReceiptOf((await loadAggregate(tx, streams.lotTitle(lotId).id, lotTitleDecider)).state),
        actor: acting.actor,
        at: acting.at,
      },
    }));
  }

  /** Releases a hold on behalf of `holder` (the party asking); refused unless it is the hold's holder. */
  releaseHold(lotId: string, holdId: string, holder: string, principal: Principal) {
    const acting = actingAs(principal, this.clock, lotId);
    return this.levelsAfter(lotId, acting, async () => ({ type: 'ReleaseHold', data: { lotId, holdId, holder, actor: acting.actor, at: acting.at } }));
  }

  /**
   * Goods of a lot leave under outbound order `orderId`, in the caller's transaction (the
   * load-out that weighed them). Decided on the lot's title and the entitlement the order
   * carries, both read from inventory's own log in that transaction.
   */
  async shipOutIn(tx: EventStoreTransaction, lotId: string, orderId: string, quantity: Quantity, acting: Acting) {
    const { state: title } = await loadAggregate(tx, streams.lotTitle(lotId).id, lotTitleDecider);
    const { state: order } = await loadAggregate(tx, streams.authority(orderId).id, orderAuthorityDecider);
    return this.decideIn(
      tx,
      lotId,
      {
        type: 'ShipOut',
        data: {
          lotId,
          orderId,
          quantity,
          title: { backingReceipt: liveReceiptOf(title), entitlementId: title.status === 'titled' ? (title.entitlement?.entitlementId ?? null) : null },
          orderEntitlementId: order.status === 'none' ? null : (order.entitlement?.entitlementId ?? null),
          actor: acting.actor,
          at: acting.at,
        },
      },
      acting,
    );
  }

  decideIn(tx: EventStoreTransaction, lotId: string, command: StockCommand, acting: Acting) {
    const stream = streams.stock(lotId);
    return handleCommandIn(tx, {
      streamId: stream.id,
      streamType: stream.type,
      decider: stockDecider,
      command,
      metadata: acting.metadata,
      outbox: this.outbox,
    });
  }

  private async levelsAfter(lotId: string, acting: Acting, command: (tx: EventStoreTransaction) => Promise<StockCommand>) {
    const handled = await this.store.transaction(async (tx) => this.decideIn(tx, lotId, await command(tx), acting));
    return { lotId, version: handled.version, levels: handled.state.status === 'none' ? null : stockLevels(handled.state) };
  }
}
