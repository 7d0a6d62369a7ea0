import { Database } from '@dw/event-store';
import { ManualClock } from '@dw/kernel';
import { rebuildService } from '@dw/platform';
import { waitFor } from '@dw/testing';
import { billingServiceDefinition } from '../billing.service-definition';
import { BillingTestApp, clerk, depositor, EXCHANGE, type Answer } from '../testing/billing-test-app.spec-helper';
import { TradingMessages, type TestTrader } from './trading-messages.spec-helper';
import { tradingAccountWhere, tradingDepositOf } from './trading-accounts.spec-helper';

/*
 * The day's settlement on real PostgreSQL and Kafka: a take, deposits, a withdrawal and the fees
 * the exchange collects for the warehouse on Mon 12-07, settled after the close; each trader's
 * report adds up by 第三十四条 and equals its ledger up to the day; objections until the next
 * trading day's open.
 *
 * A (buyer): 20 000 000 in; T-1 (33 335 kg, 12 167 275 fen) paid + 100 fen/t × 33 335 kg / 1000 =
 * 3 333.5 → 3 334 fee; 1 000 000 withdrawn; storage 5 000 and transfer 3 000 collected:
 * 20 000 000 − 12 167 275 − 1 000 000 − 3 334 − 5 000 − 3 000 = 6 821 391.
 * B (seller): 1 000 000 in; 12 167 275 received − 3 334 fee − 2 433 455 withheld (20%) = 10 730 486.
 * A's 100 fen in at 16:00, after the close, is Tue 12-08's.
 */
describe('the daily settlement report', () => {
  const clock = new ManualClock('2026-12-07T02:00:00Z');
  const a: TestTrader = { partyId: 'P-DA', accountNumber: 'SC-0401', bankAccountNumber: '6222000000000401' };
  const b: TestTrader = { partyId: 'P-DB', accountNumber: 'SC-0402', bankAccountNumber: '6222000000000402' };
  let app: BillingTestApp;
  let messages: TradingMessages;

  beforeAll(async () => {
    app = await BillingTestApp.start('daily-settlement', clock);
    messages = new TradingMessages(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  const accountWhere = (partyId: string, describe: string, wanted: (body: Answer['body']) => boolean) => tradingAccountWhere(app, partyId, describe, wanted);
  const deposit = (trader: TestTrader, id: string, amountFen: number) => tradingDepositOf(app, trader, id, amountFen);
  const settle = (tradingDay: string) => app.signed(EXCHANGE, 'POST', '/integration/exchange/trading-settlements', { tradingDay });
  const report = (trader: TestTrader, day: string, as = depositor(trader.partyId)) =>
    app.as(as, 'GET', `/trading-accounts/${trader.partyId}/settlement-reports/${day}`);

  it('issues each trader’s report of the day after the close, adding up by 第三十四条 and equal to its ledger up to the day', async () => {
    await messages.approved(a);
    await messages.approved(b);
    await accountWhere(a.partyId, 'A opened', () => true);
    await accountWhere(b.partyId, 'B opened', () => true);
    expect(
      (
        await app.signed(EXCHANGE, 'POST', '/integration/exchange/trading-fee-rates', {
          commodity: 'rebar',
          fenPerTonnePerSide: 100,
          effectiveFrom: '2026-12-07',
        })
      ).status,
    ).toBe(200);
    expect((await deposit(a, 'TX-DA-1', 20_000_000)).status).toBe(200);
    expect((await deposit(b, 'TX-DB-1', 1_000_000)).status).toBe(200);
    await messages.takeReserved({
      takeId: 'T-1',
      tradingDay: '2026-12-07',
      buyer: a,
      seller: b,
      weightKg: 33_335,
      priceFenPerTonne: 365_000,
      proceedsFen: 12_167_275,
    });
    await accountWhere(b.partyId, 'T-1 paid', (body) => body.invoiceDepositsHeldFen === 2_433_455);
    expect((await app.as(depositor(a.partyId), 'POST', `/trading-accounts/${a.partyId}/withdrawals`, { amountFen: 1_000_000 })).status).toBe(201);
    const fee = (feeId: string, kind: string, amountFen: number) =>
      app.signed(EXCHANGE, 'POST', `/integration/exchange/trading-accounts/${a.partyId}/collected-fees`, { feeId, kind, amountFen, tradingDay: '2026-12-07' });
    expect((await fee('storage:R-1:2026-12-07', 'storage', 5_000)).body.withdrawableFen).toBe(6_829_391 - 5_000);
    // 20 000 000 − 12 170 609 − 1 000 000 = 6 829 391 held; less 5 000 + 3 000 payable today = 6 821 391 withdrawable.
    expect((await fee('transfer:T-1', 'transfer', 3_000)).body).toMatchObject({ balanceFen: 6_829_391, withdrawableFen: 6_821_391 });
    expect((await fee('transfer:T-1', 'transfer', 3_000)).status).toBe(200);
    expect((await fee('transfer:T-1', 'transfer', 3_001)).body.code).toBe('COLLECTED_FEE_CONFLICT');
    expect((await fee('x', 'insurance', 1)).body.code).toBe('VALIDATION_FAILED');

    // Before the close (14:59 Shanghai) the day is not settled; a Saturday is no trading day.
    clock.set('2026-12-07T06:59:00Z');
    expect((await settle('2026-12-07')).body.code).toBe('TRADING_DAY_NOT_CLOSED');
    expect((await settle('2026-12-12')).body.code).toBe('NOT_A_TRADING_DAY');
    clock.set('2026-12-07T08:00:00Z');
    expect((await deposit(a, 'TX-DA-2', 100)).status).toBe(200);
    const settled = await settle('2026-12-07');
    expect([settled.status, settled.body]).toEqual([200, { tradingDay: '2026-12-07', reports: 2 }]);
    expect((await settle('2026-12-07')).body).toEqual({ tradingDay: '2026-12-07', reports: 2 });

    const reportOf = (trader: TestTrader) =>
      waitFor(
        async () => {
          const answer = await report(trader, '2026-12-07');
          return answer.status === 200 ? answer.body : undefined;
        },
        { timeoutMs: 60_000, describe: `${trader.partyId}'s report` },
      );
    expect(await reportOf(a)).toEqual({
      partyId: 'P-DA',
      tradingDay: '2026-12-07',
      previousBalanceFen: 0,
      figures: {
        proceedsReceivedFen: 0,
        paymentsFen: 12_167_275,
        depositsFen: 20_000_000,
        withdrawalsFen: 1_000_000,
        tradingFeesFen: 3_334,
        invoiceDepositsWithheldFen: 0,
        invoiceDepositsReleasedFen: 0,
        invoicePenaltiesFen: 0,
        storageFeesFen: 5_000,
        transferFeesFen: 3_000,
        otherFeesFen: 0,
      },
      balanceFen: 6_821_391,
      withdrawableFen: 6_821_391,
      objectionDeadline: '2026-12-08T01:00:00.000Z',
      status: 'open',
      objection: null,
    });
    expect(await reportOf(b)).toMatchObject({
      figures: { depositsFen: 1_000_000, proceedsReceivedFen: 12_167_275, tradingFeesFen: 3_334, invoiceDepositsWithheldFen: 2_433_455 },
      balanceFen: 10_730_486,
    });
    // A's live balance has Tue's 100 on top; the report is the day's.
    expect(await accountWhere(a.partyId, 'A after the settlement', (body) => body.balanceFen === 6_821_491)).toMatchObject({ withdrawableFen: 6_821_491 });

    // Each report equals its trader's ledger up to the day: the trading-balance lines posted on or before 12-07.
    await app.readModelsCaughtUp();
    const db = app.app.get(Database);
    const ledger = async (partyId: string) =>
      Number(
        (
          await db.query<{ balance: string }>(
            `SELECT COALESCE(SUM(credit_fen - debit_fen), 0) AS balance FROM trading_journal_lines WHERE account = $1 AND posted_on <= '2026-12-07'`,
            [`trading-balance:${partyId}`],
          )
        ).rows[0]!.balance,
      );
    expect([await ledger(a.partyId), await ledger(b.partyId)]).toEqual([6_821_391, 10_730_486]);
    // Another trader cannot read it; a bad day is refused.
    expect((await report(a, '2026-12-07', depositor(b.partyId))).body.code).toBe('SETTLEMENT_REPORT_NOT_FOUND');
    expect((await report(a, '2026-12-08', clerk)).body.code).toBe('SETTLEMENT_REPORT_NOT_FOUND');
    expect((await report(a, '2026-02-30', clerk)).status).toBe(422);
  });

  it('takes a trader’s objection before the next trading day’s open; after it the report stands accepted', async () => {
    // Tue 12-08 08:59 Shanghai: B objects in time; A does not, and at 09:00 its report stands.
    clock.set('2026-12-08T00:59:00Z');
    const object = (trader: TestTrader, reason: string, as = depositor(trader.partyId)) =>
      app.as(as, 'POST', `/trading-accounts/${trader.partyId}/settlement-reports/2026-12-07/objection`, { reason });
    expect((await object(b, 'proceeds of T-1 missing', depositor(a.partyId))).body.code).toBe('TRADING_ACCOUNT_NOT_FOUND');
    expect((await object(b, '')).body.code).toBe('VALIDATION_FAILED');
    const objected = await object(b, 'the trading fee of T-1 is disputed');
    expect([objected.status, objected.body.status, objected.body.objection]).toEqual([200, 'objected', 'the trading fee of T-1 is disputed']);
    clock.set('2026-12-08T01:00:00Z');
    const late = await object(a, 'too late');
    expect([late.status, late.body.code]).toEqual([409, 'SETTLEMENT_REPORT_ACCEPTED']);
    expect((await report(a, '2026-12-07')).body.status).toBe('accepted');
    await waitFor(async () => ((await report(b, '2026-12-07')).body.status === 'objected' ? true : undefined), { timeoutMs: 60_000, describe: 'B objected' });
  });

  it('rebuilds the accounts, sales, reports, withdrawals and the trading ledger from the log, equal row for row', async () => {
    await app.readModelsCaughtUp();
    const db = app.app.get(Database);
    const tables = [
      'trading_accounts',
      'trading_sales',
      'trading_settlement_reports',
      'trading_withdrawals',
      'trading_journal_lines',
      'trading_ledger_balances',
    ];
    const rows = async () => Promise.all(tables.map(async (table) => (await db.query(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows));
    const live = await rows();
    expect(live[2]).toHaveLength(2);
    await rebuildService(billingServiceDefinition, app.commandEnv(), ['trading_accounts', 'trading_journal'], () => undefined);
    expect(await rows()).toEqual(live);
  });
});
