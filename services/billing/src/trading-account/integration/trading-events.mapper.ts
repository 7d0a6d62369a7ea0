import { create } from '@bufbuild/protobuf';
import { billingTradingTopic, LocalDateSchema, TakePaidSchema, TakePaymentRefusedSchema, toTimestamp } from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { publicEvent, type PublicEvent } from '../../common/integration/billing-outbox';
import type { TakePaymentEvent } from '../domain/take-payment.decider';

/** A take's payment in public on billing.trading.v1, keyed by the take id: TakePaid or TakePaymentRefused, once. */
export function takePaymentPublicEvents(pending: PendingEvent): readonly PublicEvent[] {
  const event = { type: pending.type, data: pending.data } as TakePaymentEvent;
  switch (event.type) {
    case 'TakePaymentMade': {
      const d = event.data;
      const message = create(TakePaidSchema, {
        takeId: d.takeId,
        listingId: d.listingId,
        buyerPartyId: d.buyerPartyId,
        sellerPartyId: d.sellerPartyId,
        proceedsFen: BigInt(d.proceedsFen),
        buyerTradingFeeFen: BigInt(d.buyerTradingFeeFen),
        sellerTradingFeeFen: BigInt(d.sellerTradingFeeFen),
        invoiceDepositFen: BigInt(d.invoiceDepositFen),
        tradingDay: create(LocalDateSchema, { value: d.tradingDay }),
        paidAt: toTimestamp(d.at),
      });
      return [publicEvent(billingTradingTopic, TakePaidSchema, message, d.takeId)];
    }
    case 'TakePaymentDeclined': {
      const d = event.data;
      const message = create(TakePaymentRefusedSchema, {
        takeId: d.takeId,
        listingId: d.listingId,
        buyerPartyId: d.buyerPartyId,
        reasonCode: d.reasonCode,
        reason: d.reason,
        refusedAt: toTimestamp(d.at),
      });
      return [publicEvent(billingTradingTopic, TakePaymentRefusedSchema, message, d.takeId)];
    }
  }
}
