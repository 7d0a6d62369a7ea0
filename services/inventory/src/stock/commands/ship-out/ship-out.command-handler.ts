import { Injectable } from '@nestjs/common';
import { loadAggregate, type EventStoreTransaction } from '@dw/event-store';
import type { CommandContext } from '@dw/platform';
import { orderAuthorityDecider } from '../../../authority/domain/order-authority.decider';
import { liveReceiptOf, lotTitleDecider } from '../../../registry/domain/lot-title.decider';
import { streams } from '../../../shared/inventory.streams';
import type { Quantity } from '../../domain/quantity';
import { StockDecisions } from '../../stock-decisions';

/**
 * Goods of a lot leave under outbound order `orderId`, in the caller's transaction (the
 * load-out that weighed them). Decided on the lot's title and the entitlement the order
 * carries, both read from inventory's own log in that transaction.
 */
@Injectable()
export class ShipOutCommandHandler {
  constructor(private readonly stock: StockDecisions) {}

  async execute(tx: EventStoreTransaction, lotId: string, orderId: string, quantity: Quantity, acting: CommandContext) {
    const { state: title } = await loadAggregate(tx, streams.lotTitle(lotId).id, lotTitleDecider);
    const { state: order } = await loadAggregate(tx, streams.authority(orderId).id, orderAuthorityDecider);
    return this.stock.decideIn(
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
          actor: acting.actor.subject,
          at: acting.at,
        },
      },
      acting,
    );
  }
}
