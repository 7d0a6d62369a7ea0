import { fromBinary } from '@bufbuild/protobuf';
import { billingTradingTopic, TakePaidSchema, TakePaymentRefusedSchema } from '@dw/contracts';
import { Database } from '@dw/event-store';
import { ManualClock } from '@dw/kernel';
import { rebuildService } from '@dw/platform';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { billingServiceDefinition } from '../billing.service-definition';
import { BANK, BillingTestApp, EXCHANGE, manager, type Answer } from '../testing/billing-test-app.spec-helper';
import { TradingMessages, type TestTrader } from './trading-messages.spec-helper';
import { tradingAccountWhere, tradingDepositOf } from './trading-accounts.spec-helper';

/*
 * TakeReserved on the real broker (receipt.trading.v1) → TakePaid or TakePaymentRefused on
 * billing.trading.v1, through the inbox, on real PostgreSQL and Kafka; the trading ledger's read
 * models equal the accounts' balances and rebuild row for row.
 *
 * T-1: 33 335 kg of rebar at 365 000 fen/t, proceeds 12 167 275 fen (as TakeReserved states it).
 * The exchange's rebar fee is 100 fen/t per side: 100 × 33 335 / 1000 = 3 333.5 → 3 334 fen each.
 * The buyer pays 12 167 275 + 3 334 = 12 170 609 fen: deposited exactly, its balance ends at 0.
 * The seller gets 12 167 275 − 3 334 − 2 433 455 (20% withheld) = 9 730 486 fen, 2 433 455 held.
 */
describe('take payment from the trading accounts', () => {
  const clock = new ManualClock('2026-12-07T02:00:00Z');
  const buyer: TestTrader = { partyId: 'P-BUYER', accountNumber: 'SC-0101', bankAccountNumber: '6222000000000101' };
  const seller: TestTrader = { partyId: 'P-SELLER', accountNumber: 'SC-0102', bankAccountNumber: '6222000000000102' };
  const suspended: TestTrader = { partyId: 'P-SUSP', accountNumber: 'SC-0103', bankAccountNumber: '6222000000000103' };
  const stranger: TestTrader = { partyId: 'P-NONE', accountNumber: 'SC-0199', bankAccountNumber: '6222000000000199' };
  let app: BillingTestApp;
  let messages: TradingMessages;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    app = await BillingTestApp.start('take-payment', clock);
    messages = new TradingMessages(app);
    recorder = await new TopicRecorder(testMessageBus(), [app.topic(billingTradingTopic)]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
  });

  const account = (partyId: string, describe: string, wanted: (body: Answer['body']) => boolean) => tradingAccountWhere(app, partyId, describe, wanted);
  const answerTo = (takeId: string) =>
    waitFor(
      () => {
        const found = recorder.messages.find((message) => message.key?.toString() === takeId);
        if (!found) return undefined;
        const type = found.headers.ce_type;
        return type === TakePaidSchema.typeName
          ? { type, paid: fromBinary(TakePaidSchema, found.value) }
          : { type, refused: fromBinary(TakePaymentRefusedSchema, found.value) };
      },
      { timeoutMs: 60_000, describe: `the answer to ${takeId}` },
    );
  const deposit = (trader: TestTrader, id: string, amountFen: number) => tradingDepositOf(app, trader, id, amountFen);
  const t1 = { takeId: 'T-1', tradingDay: '2026-12-07', buyer, seller, weightKg: 33_335, priceFenPerTonne: 365_000, proceedsFen: 12_167_275 };

  it('pays a take in one transaction over both accounts and publishes TakePaid once, however often TakeReserved is replayed; a buyer short is refused', async () => {
    for (const trader of [buyer, seller, suspended]) await messages.approved(trader);
    await account(suspended.partyId, 'the accounts opened', () => true);
    await account(buyer.partyId, 'the buyer’s account opened', () => true);
    await account(seller.partyId, 'the seller’s account opened', () => true);
    const rate = await app.signed(EXCHANGE, 'POST', '/integration/exchange/trading-fee-rates', {
      commodity: 'rebar',
      fenPerTonnePerSide: 100,
      effectiveFrom: '2026-12-07',
    });
    expect([rate.status, rate.body]).toEqual([200, { commodity: 'rebar', fenPerTonnePerSide: 100, effectiveFrom: '2026-12-07' }]);
    expect((await deposit(buyer, 'TX-B-1', 12_170_609)).status).toBe(200);

    await messages.takeReserved(t1);
    await messages.takeReserved(t1);
    const answer = await answerTo('T-1');
    expect(answer.type).toBe(TakePaidSchema.typeName);
    expect(answer.paid).toMatchObject({
      takeId: 'T-1',
      listingId: 'L-T-1',
      buyerPartyId: 'P-BUYER',
      sellerPartyId: 'P-SELLER',
      proceedsFen: 12_167_275n,
      buyerTradingFeeFen: 3_334n,
      sellerTradingFeeFen: 3_334n,
      invoiceDepositFen: 2_433_455n,
      tradingDay: { value: '2026-12-07' },
    });
    expect(await account(buyer.partyId, 'the buyer paid', (body) => body.balanceFen === 0)).toMatchObject({ balanceFen: 0, withdrawableFen: 0 });
    expect(await account(seller.partyId, 'the seller credited', (body) => body.balanceFen > 0)).toMatchObject({
      balanceFen: 9_730_486,
      invoiceDepositsHeldFen: 2_433_455,
    });
    // The replay was taken by the inbox and decided nothing more: T-2 on the same listing (so the same
    // partition, after the replay) is answered, and T-1 still has one answer. T-2 (1 000 kg at 365 000 fen/t =
    // 365 000 fen + 100 fee) finds the buyer's 0 fen short.
    await messages.takeReserved({ ...t1, takeId: 'T-2', listingId: 'L-T-1', weightKg: 1_000, proceedsFen: 365_000 });
    expect((await answerTo('T-2')).refused).toMatchObject({ takeId: 'T-2', buyerPartyId: 'P-BUYER', reasonCode: 'TRADING_BALANCE_SHORT' });
    expect(recorder.messages.filter((message) => message.key?.toString() === 'T-1')).toHaveLength(1);
  });

  it('refuses a take with a stable reason code and moves nothing when the buyer is suspended or unknown, or no fee rate is set', async () => {
    // A suspended trader with money enough is not paid for.
    expect((await deposit(suspended, 'TX-S-1', 1_000_000)).status).toBe(200);
    await messages.suspended(suspended.partyId);
    await account(suspended.partyId, 'suspended', (body) => body.tradingSuspended === true);
    await messages.takeReserved({ ...t1, takeId: 'T-3', buyer: suspended, weightKg: 1_000, proceedsFen: 365_000 });
    expect((await answerTo('T-3')).refused?.reasonCode).toBe('TRADING_ACCOUNT_FROZEN');
    await messages.takeReserved({ ...t1, takeId: 'T-4', buyer: stranger, weightKg: 1_000, proceedsFen: 365_000 });
    expect((await answerTo('T-4')).refused?.reasonCode).toBe('TRADING_ACCOUNT_UNKNOWN');
    await messages.reinstated(suspended.partyId);
    await account(suspended.partyId, 'reinstated', (body) => body.tradingSuspended === false);
    await messages.takeReserved({ ...t1, takeId: 'T-5', buyer: suspended, weightKg: 1_000, proceedsFen: 365_000, commodity: 'wire-rod' });
    expect((await answerTo('T-5')).refused?.reasonCode).toBe('TRADING_FEE_RATE_NOT_SET');
    // Nothing moved on any refusal.
    expect(await account(suspended.partyId, 'unchanged', () => true)).toMatchObject({ balanceFen: 1_000_000 });
    expect(await account(buyer.partyId, 'unchanged', () => true)).toMatchObject({ balanceFen: 0 });
  });

  it('pays only one of two takes racing for a balance that covers one, whatever order the partitions deliver them in', async () => {
    // P-SUSP (reinstated) holds 1 000 000 fen; each take is 2 000 kg at 365 000 fen/t = 730 000 fen
    // + 100 × 2 000 / 1000 = 200 fee = 730 200: one fits, two (1 460 400) do not.
    const racer = { ...t1, buyer: suspended, weightKg: 2_000, proceedsFen: 730_000 };
    await Promise.all([
      messages.takeReserved({ ...racer, takeId: 'T-R1', listingId: 'L-RACE-1' }),
      messages.takeReserved({ ...racer, takeId: 'T-R2', listingId: 'L-RACE-2' }),
    ]);
    const answers = [await answerTo('T-R1'), await answerTo('T-R2')];
    expect(answers.map((answer) => answer.type).sort()).toEqual([TakePaidSchema.typeName, TakePaymentRefusedSchema.typeName]);
    expect(answers.find((answer) => answer.refused)?.refused?.reasonCode).toBe('TRADING_BALANCE_SHORT');
    // 1 000 000 − 730 200 = 269 800 left.
    expect(await account(suspended.partyId, 'one take paid', (body) => body.balanceFen < 1_000_000)).toMatchObject({ balanceFen: 269_800 });
  });

  it('refuses a fee rate from anyone but the exchange, going backwards, or malformed', async () => {
    const set = (body: Record<string, unknown>) => app.signed(EXCHANGE, 'POST', '/integration/exchange/trading-fee-rates', body);
    const backwards = await set({ commodity: 'rebar', fenPerTonnePerSide: 120, effectiveFrom: '2026-12-04' });
    expect([backwards.status, backwards.body.code, backwards.body.details.effectiveFrom]).toEqual([409, 'TRADING_FEE_RATE_NOT_FORWARD', '2026-12-07']);
    expect((await set({ commodity: 'rebar', fenPerTonnePerSide: -1, effectiveFrom: '2026-12-08' })).body.code).toBe('VALIDATION_FAILED');
    expect((await set({ commodity: 'rebar', fenPerTonnePerSide: 1.5, effectiveFrom: '2026-12-08' })).body.code).toBe('VALIDATION_FAILED');
    expect((await set({ commodity: 'rebar', fenPerTonnePerSide: 100, effectiveFrom: '2026-12-12' })).body.code).toBe('NOT_A_TRADING_DAY');
    expect(
      (await app.signed(BANK, 'POST', '/integration/exchange/trading-fee-rates', { commodity: 'rebar', fenPerTonnePerSide: 1, effectiveFrom: '2026-12-08' }))
        .status,
    ).toBe(403);
    expect(
      (await app.as(manager, 'POST', '/integration/exchange/trading-fee-rates', { commodity: 'rebar', fenPerTonnePerSide: 1, effectiveFrom: '2026-12-08' }))
        .status,
    ).toBe(401);
  });

  it('keeps the trading ledger balanced and equal to the accounts, and rebuilds it and the accounts row for row', async () => {
    await app.readModelsCaughtUp();
    const db = app.app.get(Database);
    const rows = async () => ({
      lines: (await db.query(`SELECT * FROM trading_journal_lines ORDER BY entry_id, line_no`)).rows,
      balances: (await db.query(`SELECT * FROM trading_ledger_balances ORDER BY account`)).rows,
      accounts: (await db.query(`SELECT * FROM trading_accounts ORDER BY party_id`)).rows,
      sales: (await db.query(`SELECT * FROM trading_sales ORDER BY take_id`)).rows,
    });
    const live = await rows();
    const ledger = new Map(live.balances.map((row) => [row.account as string, Number(row.credit_fen) - Number(row.debit_fen)]));
    // Debits equal credits over the whole ledger; the take's clearing account nets to 0.
    expect(live.balances.reduce((sum, row) => sum + Number(row.debit_fen) - Number(row.credit_fen), 0)).toBe(0);
    expect(ledger.get('trading-take-clearing')).toBe(0);
    // T-1's 3 334 + 3 334 and the raced take's 200 + 200 = 7 068 fen of trading fees.
    expect(ledger.get('trading-fees-income')).toBe(7_068);
    for (const row of live.accounts) {
      expect(ledger.get(`trading-balance:${row.party_id}`) ?? 0).toBe(Number(row.balance_fen));
      expect(ledger.get(`trading-invoice-deposits:${row.party_id}`) ?? 0).toBe(Number(row.invoice_deposits_fen));
    }
    await rebuildService(billingServiceDefinition, app.commandEnv(), ['trading_journal', 'trading_accounts'], () => undefined);
    expect(await rows()).toEqual(live);
  });
});
