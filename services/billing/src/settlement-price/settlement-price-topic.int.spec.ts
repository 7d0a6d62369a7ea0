import { fromBinary } from '@bufbuild/protobuf';
import { billingSettlementPriceTopic, SettlementPricePublishedSchema } from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { BillingTestApp, clerk, EXCHANGE } from '../testing/billing-test-app.spec-helper';

/*
 * The exchange publishes several contracts' settlement prices of a day through the signed route,
 * one flagged the nearest month; every price recorded goes out once on billing.settlement-price.v1
 * (key: the commodity), on real PostgreSQL and Kafka.
 */
describe('settlement prices on billing.settlement-price.v1', () => {
  const clock = new ManualClock('2026-12-07T08:00:00Z');
  let app: BillingTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    app = await BillingTestApp.start('settlement-topic', clock);
    recorder = await new TopicRecorder(testMessageBus(), [app.topic(billingSettlementPriceTopic)]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
  });

  const publish = (body: Record<string, unknown>) => app.signed(EXCHANGE, 'POST', '/integration/exchange/settlement-prices', body);

  it('publishes each contract’s price of a day once on the topic keyed by commodity, the nearest month flagged', async () => {
    const nearest = { commodity: 'rebar', tradingDay: '2026-12-07', contract: 'rb2701', fenPerTonne: 365_000 };
    const basisMonth = { commodity: 'rebar', tradingDay: '2026-12-07', contract: 'rb2705', fenPerTonne: 366_000, nearestMonth: false };
    expect((await publish(nearest)).body).toEqual(nearest);
    expect((await publish(basisMonth)).status).toBe(200);
    // The exchange retrying both: nothing more is recorded or published.
    expect((await publish(nearest)).status).toBe(200);
    expect((await publish(basisMonth)).status).toBe(200);
    // A second nearest month for the day is refused; an unknown field or a flag that is no boolean is a validation failure.
    const second = await publish({ ...basisMonth, contract: 'rb2710', nearestMonth: true });
    expect([second.status, second.body.code, second.body.details.contract]).toEqual([409, 'SETTLEMENT_PRICE_ALREADY_PUBLISHED', 'rb2701']);
    expect((await publish({ ...basisMonth, nearestMonth: 'no' })).body.code).toBe('VALIDATION_FAILED');
    expect((await publish({ ...basisMonth, extra: 1 })).body.code).toBe('VALIDATION_FAILED');

    const messages = await waitFor(() => (recorder.messages.length >= 2 ? recorder.messages : undefined), {
      timeoutMs: 60_000,
      describe: 'both prices on billing.settlement-price.v1',
    });
    const decoded = messages.map((message) => ({ key: message.key, ...fromBinary(SettlementPricePublishedSchema, message.value) }));
    expect(decoded.map(({ key, contract, fenPerTonne, nearestMonth, tradingDay }) => [key, contract, fenPerTonne, nearestMonth, tradingDay?.value])).toEqual([
      ['rebar', 'rb2701', 365_000n, true, '2026-12-07'],
      ['rebar', 'rb2705', 366_000n, false, '2026-12-07'],
    ]);

    const contracts = await app.as(clerk, 'GET', '/settlement-prices/rebar/contracts?tradingDay=2026-12-07');
    expect([contracts.status, contracts.body]).toEqual([
      200,
      {
        commodity: 'rebar',
        tradingDay: '2026-12-07',
        prices: [
          { contract: 'rb2701', fenPerTonne: 365_000, nearestMonth: true },
          { contract: 'rb2705', fenPerTonne: 366_000, nearestMonth: false },
        ],
      },
    ]);
    // The nearest month is still what the commodity's list (and over/short) reads.
    expect((await app.as(clerk, 'GET', '/settlement-prices/rebar')).body.prices).toEqual([nearest]);
    expect((await app.as(clerk, 'GET', '/settlement-prices/rebar/contracts?tradingDay=2026-12-08')).body.code).toBe('SETTLEMENT_PRICES_NOT_FOUND');
    const badDay = await app.as(clerk, 'GET', '/settlement-prices/rebar/contracts?tradingDay=2026-13-45');
    expect([badDay.status, badDay.body.field]).toEqual([422, 'tradingDay']);
    // Exactly the two recorded prices were published, no replay doubled them.
    expect(recorder.messages).toHaveLength(2);
  });
});
