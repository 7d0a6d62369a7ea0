import { ManualClock } from '@dw/kernel';
import { waitFor } from '@dw/testing';
import { BANK, BillingTestApp, depositor, EXCHANGE, manager, OTHER_BANK, type Answer } from '../testing/billing-test-app.spec-helper';
import { TradingMessages, type TestTrader } from './trading-messages.spec-helper';
import { tradingDepositOf } from './trading-accounts.spec-helper';

/*
 * Trading withdrawals through the routes on real PostgreSQL and Kafka: asked by the trader in a
 * session, frozen and unfrozen by the exchange's signed calls, read and answered by the
 * depository bank's signed calls, each once.
 */
describe('trading withdrawals and their freeze', () => {
  const clock = new ManualClock('2026-12-07T02:00:00Z');
  const trader: TestTrader = { partyId: 'P-WD', accountNumber: 'SC-0301', bankAccountNumber: '6222000000000301' };
  let app: BillingTestApp;
  let messages: TradingMessages;

  beforeAll(async () => {
    app = await BillingTestApp.start('trading-withdrawals', clock);
    messages = new TradingMessages(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  const withdraw = (amountFen: unknown, as = depositor(trader.partyId), partyId = trader.partyId) =>
    app.as(as, 'POST', `/trading-accounts/${partyId}/withdrawals`, { amountFen });
  const toPay = (count: number) =>
    waitFor(
      async () => {
        const answer = await app.signed(BANK, 'GET', '/integration/bank/trading-withdrawals');
        return answer.status === 200 && answer.body.items.length === count ? (answer.body.items as Answer['body'][]) : undefined;
      },
      { timeoutMs: 60_000, describe: `${count} withdrawals to pay` },
    );

  it('freezes and unfreezes withdrawals through the exchange’s signed API; a frozen trader’s withdrawal is refused with its code', async () => {
    await messages.approved(trader);
    await waitFor(async () => ((await app.as(manager, 'GET', `/trading-accounts/${trader.partyId}`)).status === 200 ? true : undefined), {
      timeoutMs: 60_000,
      describe: 'the account opened',
    });
    const funded = await tradingDepositOf(app, trader, 'TX-WD-1', 1_000_000);
    expect(funded.status).toBe(200);
    const freeze = (path: string, body: unknown = { reason: '涉嫌重大违规，经交易所立案调查' }) =>
      app.signed(EXCHANGE, 'POST', `/integration/exchange/trading-accounts/${trader.partyId}/${path}`, body);
    const frozen = await freeze('withdrawal-freeze');
    expect([frozen.status, frozen.body.withdrawalsFrozen, frozen.body.withdrawableFen]).toEqual([200, true, 0]);
    const refused = await withdraw(1_000);
    expect([refused.status, refused.body.code]).toEqual([409, 'TRADING_WITHDRAWALS_FROZEN']);
    // Only the exchange freezes: a person's token, a bank's signature, and an empty reason are refused.
    expect((await app.as(manager, 'POST', `/integration/exchange/trading-accounts/${trader.partyId}/withdrawal-freeze`, { reason: 'x' })).status).toBe(401);
    expect((await app.signed(BANK, 'POST', `/integration/exchange/trading-accounts/${trader.partyId}/withdrawal-freeze`, { reason: 'x' })).status).toBe(403);
    expect((await freeze('withdrawal-unfreeze', { reason: '' })).body.code).toBe('VALIDATION_FAILED');
    expect((await freeze('withdrawal-freeze', {})).body.code).toBe('VALIDATION_FAILED');
    expect((await app.signed(EXCHANGE, 'POST', '/integration/exchange/trading-accounts/P-NOBODY/withdrawal-freeze', { reason: 'x' })).body.code).toBe(
      'TRADING_ACCOUNT_NOT_FOUND',
    );
    const unfrozen = await freeze('withdrawal-unfreeze', { reason: '调查结束' });
    expect([unfrozen.status, unfrozen.body.withdrawalsFrozen, unfrozen.body.withdrawableFen]).toEqual([200, false, 1_000_000]);
  });

  it('pays an approved withdrawal to the bank settlement account through the depository bank’s signed calls, each answered once', async () => {
    // Mon 12-07 10:00 Shanghai, in session. More than the balance, another trader's account, a bad amount: refused.
    expect((await withdraw(1_000_001)).body).toMatchObject({ code: 'TRADING_WITHDRAWAL_EXCEEDS_WITHDRAWABLE', details: { withdrawableFen: 1_000_000 } });
    expect((await withdraw(1_000, depositor('P-OTHER'))).body.code).toBe('TRADING_ACCOUNT_NOT_FOUND');
    expect((await withdraw(0)).body.code).toBe('VALIDATION_FAILED');
    expect((await withdraw('100')).body.code).toBe('VALIDATION_FAILED');
    expect((await app.as(manager, 'POST', `/trading-accounts/${trader.partyId}/withdrawals`, { amountFen: 1 })).status).toBe(403);
    const first = await withdraw(600_000);
    expect([first.status, first.body]).toEqual([
      201,
      expect.objectContaining({ partyId: 'P-WD', amountFen: 600_000, status: 'approved', tradingDay: '2026-12-07' }),
    ]);
    const second = await withdraw(400_000);
    expect(second.status).toBe(201);
    // After the 15:00 close: outside the session.
    clock.set('2026-12-07T07:30:00Z');
    expect((await withdraw(1)).body.code).toBe('TRADING_WITHDRAWAL_OUTSIDE_SESSION');

    const listed = await toPay(2);
    expect(listed.map((item) => [item.withdrawalId, item.amountFen, item.payee.accountNumber, item.accountNumber])).toEqual([
      [first.body.withdrawalId, 600_000, '6222000000000301', 'SC-0301'],
      [second.body.withdrawalId, 400_000, '6222000000000301', 'SC-0301'],
    ]);
    const confirm = (withdrawalId: string, client = BANK) =>
      app.signed(client, 'POST', `/integration/bank/trading-withdrawals/${withdrawalId}/confirmation`, {
        accountNumber: 'SC-0301',
        bankTransactionId: `OUT-${withdrawalId}`,
        valueDate: '2026-12-07',
      });
    const refuse = (withdrawalId: string) =>
      app.signed(BANK, 'POST', `/integration/bank/trading-withdrawals/${withdrawalId}/refusal`, { accountNumber: 'SC-0301', reason: 'payee account frozen' });
    expect((await confirm(first.body.withdrawalId)).body.status).toBe('paid');
    expect((await confirm(first.body.withdrawalId)).body.status).toBe('paid');
    expect((await refuse(first.body.withdrawalId)).body.code).toBe('TRADING_WITHDRAWAL_ALREADY_ANSWERED');
    expect((await refuse(second.body.withdrawalId)).body.status).toBe('returned');
    expect((await confirm('TW-nope')).body.code).toBe('TRADING_WITHDRAWAL_NOT_FOUND');
    expect((await app.as(manager, 'GET', '/integration/bank/trading-withdrawals')).status).toBe(401);
    expect(
      (
        await app.signed(OTHER_BANK, 'POST', `/integration/bank/trading-withdrawals/${second.body.withdrawalId}/confirmation`, {
          accountNumber: 'SC-9999',
          bankTransactionId: 'X',
          valueDate: '2026-12-07',
        })
      ).body.code,
    ).toBe('TRADING_ACCOUNT_NOT_FOUND');
    await toPay(0);
    // 1 000 000 − 600 000 paid − 400 000 + 400 000 returned = 400 000.
    expect((await app.as(depositor(trader.partyId), 'GET', `/trading-accounts/${trader.partyId}`)).body).toMatchObject({
      balanceFen: 400_000,
      inTransitFen: 0,
    });
  });
});
