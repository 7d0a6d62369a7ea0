import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TakeReservedSchema, type TakeReserved } from '@dw/contracts';
import { handleCommandIn, loadAggregate } from '@dw/event-store';
import { type Clock, fenFromBigInt } from '@dw/kernel';
import { BusinessCalendars, CLOCK, deadLetteringRefusals, InboxContext } from '@dw/platform';
import { BillingOutbox } from '../../common/integration/billing-outbox';
import { takePaymentDecider, type ReservedTake } from '../domain/take-payment.decider';
import { tradingAccountDecider } from '../domain/trading-account.decider';
import { tradingFeeRateOn, tradingFeeRatesDecider } from '../domain/trading-fee-rates.decider';
import { tradingStreams } from '../trading-streams';
import { takePaymentPublicEvents } from './trading-events.mapper';

/**
 * receipt.trading.v1 TakeReserved → the take's payment, in the inbox's one transaction: the take's
 * stream decides once (paid or refused, on both accounts' states and the fee rate in force), and
 * a paid take debits the buyer and credits the seller at the versions it was decided on, so a
 * concurrent change to either account rolls everything back and the message is tried again.
 * TakePaid or TakePaymentRefused goes out on billing.trading.v1 in the same transaction.
 */
@Controller()
export class PayTakeWhenTakeReservedKafkaHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
    @Inject(BillingOutbox) private readonly outbox: BillingOutbox,
  ) {}

  @EventPattern(TakeReservedSchema.typeName)
  reserved(@Payload() event: TakeReserved, @Ctx() ctx: InboxContext): Promise<void> {
    return deadLetteringRefusals(`take ${event.takeId}`, () => this.pay(event, ctx));
  }

  private async pay(event: TakeReserved, ctx: InboxContext): Promise<void> {
    const at = this.clock.now().toISOString();
    const metadata = ctx.causedMetadata();
    const calendar = this.calendars.current();
    const take: ReservedTake = {
      takeId: event.takeId,
      listingId: event.listingId,
      tradingDay: event.tradingDay?.value ?? '',
      buyerPartyId: event.buyerPartyId,
      sellerPartyId: event.sellerPartyId,
      commodity: event.commodity,
      weightKg: fenFromBigInt(event.weightKg, 'weight_kg'),
      proceedsFen: fenFromBigInt(event.proceedsFen, 'proceeds_fen'),
    };
    const decided = await loadAggregate(ctx.store, tradingStreams.takePayment(take.takeId).streamId, takePaymentDecider);
    if (decided.state.outcome !== 'none') return;
    const buyer = await loadAggregate(ctx.store, tradingStreams.account(take.buyerPartyId).streamId, tradingAccountDecider);
    const seller = await loadAggregate(ctx.store, tradingStreams.account(take.sellerPartyId).streamId, tradingAccountDecider);
    const rates = await loadAggregate(ctx.store, tradingStreams.feeRates(take.commodity).streamId, tradingFeeRatesDecider);
    const rate = take.tradingDay === '' ? null : tradingFeeRateOn(rates.state, take.tradingDay as never);
    const handled = await handleCommandIn(ctx.store, {
      ...tradingStreams.takePayment(take.takeId),
      decider: takePaymentDecider,
      command: { type: 'PayTake', data: { take, buyer: buyer.state, seller: seller.state, feeRateFenPerTonne: rate?.fenPerTonnePerSide ?? null, at } },
      metadata,
      expectedVersion: decided.version,
      outbox: this.outbox.of(takePaymentPublicEvents),
    });
    const figures = handled.state.figures;
    if (handled.state.outcome !== 'paid' || figures === null) return;
    await handleCommandIn(ctx.store, {
      ...tradingStreams.account(figures.buyerPartyId),
      decider: tradingAccountDecider,
      command: {
        type: 'DebitTakePayment',
        data: {
          takeId: figures.takeId,
          listingId: figures.listingId,
          sellerPartyId: figures.sellerPartyId,
          proceedsFen: figures.proceedsFen,
          tradingFeeFen: figures.buyerTradingFeeFen,
          tradeDay: figures.tradingDay,
          calendar,
          at,
        },
      },
      metadata,
      expectedVersion: buyer.version,
    });
    await handleCommandIn(ctx.store, {
      ...tradingStreams.account(figures.sellerPartyId),
      decider: tradingAccountDecider,
      command: {
        type: 'CreditTakeProceeds',
        data: {
          takeId: figures.takeId,
          listingId: figures.listingId,
          buyerPartyId: figures.buyerPartyId,
          proceedsFen: figures.proceedsFen,
          tradingFeeFen: figures.sellerTradingFeeFen,
          invoiceDepositFen: figures.invoiceDepositFen,
          tradeDay: figures.tradingDay,
          calendar,
          at,
        },
      },
      metadata,
      // A trader buying its own listing has one stream for both sides: the buyer's entry moved it on.
      ...(figures.sellerPartyId === figures.buyerPartyId ? {} : { expectedVersion: seller.version }),
    });
  }
}
