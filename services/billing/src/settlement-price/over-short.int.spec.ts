import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  billingFeeTopic,
  inventoryLotTopic,
  LocalDateSchema,
  LotBecameAvailableSchema,
  LotLocationSchema,
  orderWorkOrderTopic,
  PickupApplicationSchema,
  PickupMethod,
  PiecesShippedOutSchema,
  StandardCommoditySchema,
  toWeight,
  topicName,
  WorkOrderOpenedSchema,
  EventRegistry,
  FeeAccruedSchema,
  type FeeAccrued,
} from '@dw/contracts';
import { Database } from '@dw/event-store';
import { ManualClock } from '@dw/kernel';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { defaultTerms } from '../rate-card/domain/rate-card.fixtures.spec-helper';
import { BillingTestApp, clerk, EXCHANGE, manager } from '../testing/billing-test-app.spec-helper';

/*
 * The exchange's settlement prices through the signed integration route, and a load-out's
 * over/short settled at them: inventory's facts on the real topics, billing's inbox, the fee on
 * billing.fee.v1, the account and the ledger, on real PostgreSQL and Kafka.
 *
 * Lot L7, 33 333 kg of rebar, received for A on Tue 11-03 (load-in 300 fen/t: 300 × 33 333 / 1000
 * = 9 999.9 → 10 000 fen), loaded out on Mon 11-09 by self-collect, 33 213 kg net against a book
 * of 33 333: short 120 kg (load-out 250 fen/t × 33 213 / 1000 = 8 303.25 → 8 303 fen). The
 * trading day before Mon 11-09 is Fri 11-06, settled at 3 650 yuan/t = 365 000 fen/t:
 * 120 × 365 000 / 1000 = 43 800 fen, the warehouse's to pay A: FeeAccrued −43 800. The account
 * credits 43 800 to A's deposits held, which settles the 10 000 and the 8 303 (oldest first):
 * 43 800 − 18 303 = 25 497 held, nothing outstanding.
 */
const A = 'P-A';
const registry = new EventRegistry().register(FeeAccruedSchema);
const PATIENTLY = { timeoutMs: 60_000 };

describe('over/short at load-out settled at the exchange’s settlement price', () => {
  const clock = new ManualClock('2026-10-30T02:00:00Z');
  let app: BillingTestApp;
  let fees: TopicRecorder;

  beforeAll(async () => {
    app = await BillingTestApp.start('overshort', clock);
    fees = await new TopicRecorder(testMessageBus(), [topicName(billingFeeTopic, app.prefix)]).start();
    expect((await app.as(manager, 'POST', '/rate-cards/default/versions', { effectiveFrom: '2026-11-02', terms: defaultTerms })).status).toBe(201);
  });
  afterAll(async () => {
    await fees?.stop();
    await app?.close();
  });

  const at = (iso: string) => timestampFromDate(new Date(iso));
  const price = (tradingDay: string, fenPerTonne: number, contract = 'rb2701') => ({ commodity: 'rebar', tradingDay, contract, fenPerTonne });

  it('records the exchange’s settlement prices once per trading day through the signed route, and refuses bad ones naming the field', async () => {
    clock.set('2026-11-06T08:00:00Z');
    const first = await app.signed(EXCHANGE, 'POST', '/integration/exchange/settlement-prices', price('2026-11-06', 365_000));
    expect(first.status).toBe(200);
    expect(first.body).toEqual(price('2026-11-06', 365_000));
    // The exchange retrying with another idempotency key: the same price answers the same.
    expect((await app.signed(EXCHANGE, 'POST', '/integration/exchange/settlement-prices', price('2026-11-06', 365_000))).status).toBe(200);
    const corrected = await app.signed(EXCHANGE, 'POST', '/integration/exchange/settlement-prices', price('2026-11-06', 366_000));
    expect([corrected.status, corrected.body.code, corrected.body.details]).toEqual([
      409,
      'SETTLEMENT_PRICE_ALREADY_PUBLISHED',
      { commodity: 'rebar', tradingDay: '2026-11-06', contract: 'rb2701', fenPerTonne: 365_000 },
    ]);
    // Sat 11-07 is no trading day; a price in yuan with decimals is no whole fen; a person cannot publish.
    const saturday = await app.signed(EXCHANGE, 'POST', '/integration/exchange/settlement-prices', price('2026-11-07', 365_000));
    expect([saturday.status, saturday.body.code, saturday.body.field]).toEqual([422, 'SETTLEMENT_PRICE_NOT_TRADING_DAY', 'tradingDay']);
    const decimals = await app.signed(EXCHANGE, 'POST', '/integration/exchange/settlement-prices', price('2026-11-06', 3_650.5));
    expect([decimals.status, decimals.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await app.as(manager, 'POST', '/integration/exchange/settlement-prices', price('2026-11-06', 365_000))).status).toBe(401);
    const listed = await app.as(clerk, 'GET', '/settlement-prices/rebar');
    expect([listed.status, listed.body]).toEqual([200, { commodity: 'rebar', prices: [price('2026-11-06', 365_000)] }]);
    expect((await app.as(clerk, 'GET', '/settlement-prices/wire-rod')).body.code).toBe('SETTLEMENT_PRICES_NOT_FOUND');
  });

  it('credits a short at load-out to the goods’ owner at the price of the trading day before, through the account and the ledger', async () => {
    clock.set('2026-11-09T08:00:00Z');
    const opened = (orderId: string, pickup: boolean) =>
      app.publish(
        orderWorkOrderTopic,
        orderId,
        WorkOrderOpenedSchema,
        create(WorkOrderOpenedSchema, {
          orderId,
          ownerStorageCard: `SC-${A}`,
          ownerPartyId: A,
          ...(pickup ? { pickup: create(PickupApplicationSchema, { method: PickupMethod.SELF_COLLECT }) } : {}),
        }),
      );
    await opened('IN-L7', false);
    await opened('OUT-L7', true);
    // The work orders come on another topic: the lot's facts wait until billing has them.
    const db = app.app.get(Database);
    await waitFor(
      async () => (await db.query(`SELECT 1 FROM events WHERE stream_id IN ('work-order-facts-IN-L7', 'work-order-facts-OUT-L7')`)).rowCount === 2,
      {
        ...PATIENTLY,
        describe: 'both work orders recorded',
      },
    );
    await app.publish(
      inventoryLotTopic,
      'L7',
      LotBecameAvailableSchema,
      create(LotBecameAvailableSchema, {
        lotId: 'L7',
        orderId: 'IN-L7',
        completedAt: at('2026-11-03T02:00:00Z'),
        ownerStorageCard: `SC-${A}`,
        commodity: create(StandardCommoditySchema, { code: 'rebar' }),
        net: toWeight(33_333),
        locations: [create(LotLocationSchema, { locationId: 'SHED1-L7', pieces: 10, net: toWeight(33_333), areaKind: 'shed' })],
      }),
    );
    await app.publish(
      inventoryLotTopic,
      'L7',
      PiecesShippedOutSchema,
      create(PiecesShippedOutSchema, {
        lotId: 'L7',
        orderId: 'OUT-L7',
        entitlementId: 'E-L7',
        loadOutNoteId: 'NOTE-1',
        net: toWeight(33_213),
        book: toWeight(33_333),
        overShort: toWeight(-120),
        shippedAt: at('2026-11-09T02:00:00Z'),
        shippedOn: create(LocalDateSchema, { value: '2026-11-09' }),
      }),
    );
    const overShort = await waitFor(
      () =>
        fees.messages
          .filter((message) => message.headers.ce_type === FeeAccruedSchema.typeName)
          .map((message) => registry.decodeEvent(FeeAccruedSchema.typeName, message.value) as FeeAccrued)
          .find((fee) => fee.item === 'over_short'),
      { ...PATIENTLY, describe: 'the over/short on billing.fee.v1' },
    );
    expect([overShort.feeId, overShort.partyId, overShort.lotId, overShort.weightKg, overShort.rateFen, overShort.amountFen, overShort.rateSource]).toEqual([
      'over_short:L7:NOTE-1',
      A,
      'L7',
      120n,
      365_000n,
      -43_800n,
      'settlement_price',
    ]);
    const account = await waitFor(
      async () => {
        const answer = await app.as(manager, 'GET', `/accounts/${A}`);
        return answer.status === 200 && answer.body.depositsHeldFen === 25_497 ? answer.body : undefined;
      },
      { ...PATIENTLY, describe: 'A credited and its fees settled from the credit' },
    );
    expect([account.depositsHeldFen, account.outstandingFen, account.availableFen]).toEqual([25_497, 0, 25_497]);
    const entry = await waitFor(
      async () => {
        const { rows } = await db.query<{ account: string; debit_fen: string; credit_fen: string }>(
          `SELECT account, debit_fen::text, credit_fen::text FROM journal_lines WHERE cause_type = 'FeeCredited' ORDER BY line_no`,
        );
        return rows.length === 2 ? rows : undefined;
      },
      { ...PATIENTLY, describe: 'the credit’s journal entry' },
    );
    expect(entry).toEqual([
      { account: 'fees-income:over_short', debit_fen: '43800', credit_fen: '0' },
      { account: `deposits-held:${A}`, debit_fen: '0', credit_fen: '43800' },
    ]);
  });
});
