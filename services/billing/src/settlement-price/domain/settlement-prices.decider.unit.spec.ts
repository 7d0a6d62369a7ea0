import { cnMainlandCalendar, localDate } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import type { Actor } from '../../common/domain/actor';
import { settlementPricesDecider, type SettlementPriceEvent } from './settlement-prices.decider';

const shfe: Actor = { subject: 'shfe', role: 'exchange' };
const at = '2026-12-07T07:30:00Z';
const publish = (tradingDay: string, contract: string, fenPerTonne: number, actor: Actor = shfe) => ({
  type: 'PublishSettlementPrice' as const,
  data: { commodity: 'rebar', tradingDay, contract, fenPerTonne, actor, calendar: cnMainlandCalendar, at },
});
const published = (tradingDay: string, contract: string, fenPerTonne: number): SettlementPriceEvent => ({
  type: 'SettlementPricePublished',
  data: { commodity: 'rebar', tradingDay: localDate(tradingDay), contract, fenPerTonne, actor: shfe, at },
});

const spec = deciderSpec(settlementPricesDecider);

describe('settlement prices decider', () => {
  it('records each trading day’s settlement price once, as the exchange states it; a different correction is refused', () => {
    // 3 650 yuan/t = 3 650 × 100 = 365 000 fen/t, for the contract the exchange names (rb2701).
    spec
      .given([])
      .when(publish('2026-12-07', 'rb2701', 365_000))
      .then([published('2026-12-07', 'rb2701', 365_000)]);
    // The same price again (the exchange retrying) changes nothing.
    spec
      .given([published('2026-12-07', 'rb2701', 365_000)])
      .when(publish('2026-12-07', 'rb2701', 365_000))
      .then([]);
    // Another price, or another contract, for a day already published is refused and names what stands.
    spec
      .given([published('2026-12-07', 'rb2701', 365_000)])
      .when(publish('2026-12-07', 'rb2701', 366_000))
      .thenRefusedWith('SETTLEMENT_PRICE_ALREADY_PUBLISHED', { contract: 'rb2701', fenPerTonne: 365_000 });
    spec
      .given([published('2026-12-07', 'rb2701', 365_000)])
      .when(publish('2026-12-07', 'rb2705', 365_000))
      .thenRefusedWith('SETTLEMENT_PRICE_ALREADY_PUBLISHED');
    // The next trading day is a day of its own.
    spec
      .given([published('2026-12-07', 'rb2701', 365_000)])
      .when(publish('2026-12-08', 'rb2701', 364_000))
      .then([published('2026-12-08', 'rb2701', 364_000)]);
  });

  it('refuses a price for a day the exchange does not trade, a price not in whole fen, and another role', () => {
    // 2026-12-05 is a Saturday; 2026-10-01 is National Day.
    spec
      .given([])
      .when(publish('2026-12-05', 'rb2701', 365_000))
      .thenRefusedWith('SETTLEMENT_PRICE_NOT_TRADING_DAY');
    spec
      .given([])
      .when(publish('2026-10-01', 'rb2701', 365_000))
      .thenRefusedWith('SETTLEMENT_PRICE_NOT_TRADING_DAY');
    spec
      .given([])
      .when(publish('2026-12-07', 'rb2701', 3_650.5))
      .thenRefusedWith('POSITIVE_INTEGER_REQUIRED');
    spec
      .given([])
      .when(publish('2026-12-07', 'rb2701', 0))
      .thenRefusedWith('POSITIVE_INTEGER_REQUIRED');
    spec
      .given([])
      .when(publish('2026-12-07', 'rb2701', 365_000, { subject: 'mgr-qian', role: 'manager' }))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });
});
