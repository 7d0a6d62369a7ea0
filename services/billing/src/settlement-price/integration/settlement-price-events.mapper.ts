import { create } from '@bufbuild/protobuf';
import { billingSettlementPriceTopic, LocalDateSchema, SettlementPricePublishedSchema, toTimestamp } from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { publicEvent, type PublicEvent } from '../../common/integration/billing-outbox';
import type { SettlementPriceEvent } from '../domain/settlement-prices.decider';

/** Every recorded price on billing.settlement-price.v1, keyed by commodity so one commodity's prices arrive in order. */
export function settlementPricePublicEvents(pending: PendingEvent): readonly PublicEvent[] {
  // rule BILL-SETTLEMENT-PRICE-CONTRACTS
  const event = { type: pending.type, data: pending.data } as SettlementPriceEvent;
  switch (event.type) {
    case 'SettlementPricePublished': {
      const { commodity, tradingDay, contract, fenPerTonne, at } = event.data;
      const message = create(SettlementPricePublishedSchema, {
        commodity,
        tradingDay: create(LocalDateSchema, { value: tradingDay }),
        contract,
        fenPerTonne: BigInt(fenPerTonne),
        nearestMonth: event.data.nearestMonth ?? true,
        publishedAt: toTimestamp(at),
      });
      return [publicEvent(billingSettlementPriceTopic, SettlementPricePublishedSchema, message, commodity)];
    }
  }
}
