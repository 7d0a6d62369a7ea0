import { cnMainlandCalendar, foldEvents, localDate } from '@dw/kernel';
import { deciderSpec } from '@dw/testing';
import type { Actor } from '../../common/domain/actor';
import { contractPricesOn, settlementPriceOn, settlementPricesDecider, type SettlementPriceEvent } from './settlement-prices.decider';

const shfe: Actor = { subject: 'shfe', role: 'exchange' };
const at = '2026-12-07T07:30:00Z';
const publish = (tradingDay: string, contract: string, fenPerTonne: number, actor: Actor = shfe, nearestMonth?: boolean) => ({
  type: 'PublishSettlementPrice' as const,
  data: {
    commodity: 'rebar',
    tradingDay,
    contract,
    fenPerTonne,
    actor,
    calendar: cnMainlandCalendar,
    at,
    ...(nearestMonth === undefined ? {} : { nearestMonth }),
  },
});
const other = (tradingDay: string, contract: string, fenPerTonne: number) => publish(tradingDay, contract, fenPerTonne, shfe, false);
const published = (tradingDay: string, contract: string, fenPerTonne: number): SettlementPriceEvent => ({
  type: 'SettlementPricePublished',
  data: { commodity: 'rebar', tradingDay: localDate(tradingDay), contract, fenPerTonne, nearestMonth: true, actor: shfe, at },
});
const publishedOther = (tradingDay: string, contract: string, fenPerTonne: number): SettlementPriceEvent => ({
  type: 'SettlementPricePublished',
  data: { commodity: 'rebar', tradingDay: localDate(tradingDay), contract, fenPerTonne, nearestMonth: false, actor: shfe, at },
});

const spec = deciderSpec(settlementPricesDecider);
const day = localDate('2026-12-07');

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

  it('records every contract’s price of a day once each, one of them the nearest month, which over/short keeps reading', () => {
    // Mon 12-07: rb2701 the nearest month at 3 650 yuan/t (365 000 fen/t); rb2705 (a basis quote's
    // month) at 3 660 yuan/t (366 000) and rb2710 (the reference contract) at 3 671.5 yuan/t (367 150).
    spec
      .given([published('2026-12-07', 'rb2701', 365_000)])
      .when(other('2026-12-07', 'rb2705', 366_000))
      .then([publishedOther('2026-12-07', 'rb2705', 366_000)]);
    spec
      .given([publishedOther('2026-12-07', 'rb2705', 366_000)])
      .when(publish('2026-12-07', 'rb2701', 365_000, shfe, true))
      .then([published('2026-12-07', 'rb2701', 365_000)]);
    // The same contract again changes nothing; another price for it, or it now said to be the nearest month, is refused.
    spec
      .given([publishedOther('2026-12-07', 'rb2705', 366_000)])
      .when(other('2026-12-07', 'rb2705', 366_000))
      .then([]);
    spec
      .given([publishedOther('2026-12-07', 'rb2705', 366_000)])
      .when(other('2026-12-07', 'rb2705', 366_100))
      .thenRefusedWith('SETTLEMENT_PRICE_ALREADY_PUBLISHED', { contract: 'rb2705', fenPerTonne: 366_000 });
    spec
      .given([published('2026-12-07', 'rb2701', 365_000), publishedOther('2026-12-07', 'rb2705', 366_000)])
      .when(publish('2026-12-07', 'rb2705', 366_000, shfe, true))
      .thenRefusedWith('SETTLEMENT_PRICE_ALREADY_PUBLISHED', { contract: 'rb2705' });
    // A second nearest month for the day is refused naming the one that stands.
    spec
      .given([published('2026-12-07', 'rb2701', 365_000)])
      .when(publish('2026-12-07', 'rb2705', 366_000, shfe, true))
      .thenRefusedWith('SETTLEMENT_PRICE_ALREADY_PUBLISHED', { contract: 'rb2701', fenPerTonne: 365_000 });

    const state = foldEvents(settlementPricesDecider, [
      publishedOther('2026-12-07', 'rb2710', 367_150),
      published('2026-12-07', 'rb2701', 365_000),
      publishedOther('2026-12-07', 'rb2705', 366_000),
    ]);
    expect(settlementPriceOn(state, day)).toEqual({ commodity: 'rebar', tradingDay: day, contract: 'rb2701', fenPerTonne: 365_000 });
    expect(contractPricesOn(state, day).map(({ contract, fenPerTonne, nearestMonth }) => [contract, fenPerTonne, nearestMonth])).toEqual([
      ['rb2701', 365_000, true],
      ['rb2705', 366_000, false],
      ['rb2710', 367_150, false],
    ]);
    // An event recorded before the flag existed is the nearest month's.
    const legacy = foldEvents(settlementPricesDecider, [
      { type: 'SettlementPricePublished', data: { commodity: 'rebar', tradingDay: day, contract: 'rb2701', fenPerTonne: 365_000, actor: shfe, at } },
    ]);
    expect(settlementPriceOn(legacy, day)?.contract).toBe('rb2701');
  });
});
