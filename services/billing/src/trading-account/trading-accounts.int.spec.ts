import { ManualClock } from '@dw/kernel';
import { BANK, BillingTestApp, clerk, depositor, EXCHANGE, manager, type Answer } from '../testing/billing-test-app.spec-helper';
import { TradingMessages, type TestTrader } from './trading-messages.spec-helper';
import { tradingAccountWhere } from './trading-accounts.spec-helper';

/*
 * Trading accounts from the market's traders on the real broker (receipt.trader.v1), and
 * deposits through the depository bank's signed route, on real PostgreSQL and Kafka.
 */
describe('trading accounts and deposits', () => {
  const clock = new ManualClock('2026-12-07T02:00:00Z');
  const hengda: TestTrader = { partyId: 'P-HENGDA', accountNumber: 'SC-0001', bankAccountNumber: '6222020000001234' };
  const baosteel: TestTrader = { partyId: 'P-BAO', accountNumber: 'SC-0002', bankAccountNumber: '6222020000005678' };
  let app: BillingTestApp;
  let messages: TradingMessages;

  beforeAll(async () => {
    app = await BillingTestApp.start('trading-accounts', clock);
    messages = new TradingMessages(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  const accountWhere = (partyId: string, describe: string, wanted: (body: Answer['body']) => boolean) => tradingAccountWhere(app, partyId, describe, wanted);
  const deposit = (body: Record<string, unknown>) => app.signed(BANK, 'POST', '/integration/bank/trading-deposits', body);

  it('opens one account per approved trader numbered as its storage card, keeps its bank settlement account and closes it with the trader', async () => {
    await messages.approved(hengda);
    await messages.approved(hengda);
    const opened = await accountWhere(hengda.partyId, 'the account opened', () => true);
    expect(opened).toMatchObject({
      partyId: 'P-HENGDA',
      accountNumber: 'SC-0001',
      status: 'open',
      withdrawalsFrozen: false,
      bankAccount: { accountNumber: '6222020000001234', bank: 'ICBC Shanghai' },
      balanceFen: 0,
      withdrawableFen: 0,
    });
    // A trader reads its own account; another's answers as a missing one.
    expect((await app.as(depositor('P-HENGDA'), 'GET', '/trading-accounts/P-HENGDA')).status).toBe(200);
    expect((await app.as(depositor('P-OTHER'), 'GET', '/trading-accounts/P-HENGDA')).body.code).toBe('TRADING_ACCOUNT_NOT_FOUND');
    expect((await app.as(clerk, 'GET', '/trading-accounts/P-NOBODY')).body.code).toBe('TRADING_ACCOUNT_NOT_FOUND');

    await messages.approved(baosteel);
    await messages.bankAccountChanged(baosteel.partyId, '6216610000009999');
    await accountWhere(baosteel.partyId, 'the new bank account', (body) => body.bankAccount?.accountNumber === '6216610000009999');
    await messages.closed(baosteel.partyId);
    await accountWhere(baosteel.partyId, 'closed', (body) => body.status === 'closed');
  });

  it('books a deposit from the trader’s bank settlement account once per bank transaction through the signed route, and refuses the rest', async () => {
    await accountWhere(hengda.partyId, 'the account opened', () => true);
    const notice = {
      bankTransactionId: 'ICBC-D-1',
      accountNumber: 'SC-0001',
      payerAccountNumber: '6222020000001234',
      amountFen: 10_000_000,
      valueDate: '2026-12-07',
    };
    const first = await deposit(notice);
    expect([first.status, first.body]).toEqual([
      200,
      { depositId: 'bank-payment:bank-icbc:ICBC-D-1', partyId: 'P-HENGDA', accountNumber: 'SC-0001', amountFen: 10_000_000, firstNotice: true },
    ]);
    // The bank repeating it (another idempotency key): answered the same, booked once.
    const again = await deposit(notice);
    expect([again.status, again.body.firstNotice]).toEqual([200, false]);
    // Other content under the same transaction id is a conflict naming what differs.
    const conflicting = await deposit({ ...notice, amountFen: 10_000_001 });
    expect([conflicting.status, conflicting.body.code, conflicting.body.details.differs]).toEqual([409, 'BANK_TRANSACTION_CONFLICT', ['amountFen']]);
    // Not from the bank settlement account on record (第三十一条); an account number no trader has.
    const stranger = await deposit({ ...notice, bankTransactionId: 'ICBC-D-2', payerAccountNumber: '999' });
    expect([stranger.status, stranger.body.code, stranger.body.field]).toEqual([422, 'TRADING_DEPOSIT_NOT_FROM_SETTLEMENT_ACCOUNT', 'payerAccountNumber']);
    expect((await deposit({ ...notice, bankTransactionId: 'ICBC-D-3', accountNumber: 'SC-9999' })).body.code).toBe('TRADING_ACCOUNT_NOT_FOUND');
    // A closed account takes no deposit.
    expect((await deposit({ ...notice, bankTransactionId: 'ICBC-D-4', accountNumber: 'SC-0002', payerAccountNumber: '6216610000009999' })).body.code).toBe(
      'TRADING_ACCOUNT_CLOSED',
    );
    // Malformed: a zero amount, a decimal, an unknown field, a bad date.
    expect((await deposit({ ...notice, bankTransactionId: 'ICBC-D-5', amountFen: 0 })).body.code).toBe('VALIDATION_FAILED');
    expect((await deposit({ ...notice, bankTransactionId: 'ICBC-D-5', amountFen: 1.5 })).body.code).toBe('VALIDATION_FAILED');
    expect((await deposit({ ...notice, bankTransactionId: 'ICBC-D-5', extra: true })).body.code).toBe('VALIDATION_FAILED');
    const badDate = await deposit({ ...notice, bankTransactionId: 'ICBC-D-5', valueDate: '2026-02-30' });
    expect([badDate.status, badDate.body.field]).toEqual([422, 'valueDate']);
    // Unsigned (a person's token), or signed by the exchange rather than a bank: refused, nothing booked.
    expect((await app.as(manager, 'POST', '/integration/bank/trading-deposits', { ...notice, bankTransactionId: 'ICBC-D-6' })).status).toBe(401);
    expect((await app.signed(EXCHANGE, 'POST', '/integration/bank/trading-deposits', { ...notice, bankTransactionId: 'ICBC-D-6' })).status).toBe(403);

    const account = await accountWhere(hengda.partyId, 'the deposit booked', (body) => body.balanceFen > 0);
    expect(account).toMatchObject({ balanceFen: 10_000_000, withdrawableFen: 10_000_000 });
  });
});
