import { fromBinary } from '@bufbuild/protobuf';
import { FeesSettledSchema, PaymentBookedSchema, StoragePaidThroughAdvancedSchema } from '@dw/contracts';
import { Database } from '@dw/event-store';
import { ManualClock } from '@dw/kernel';
import { rebuildService } from '@dw/platform';
import { type TopicRecorder, waitFor } from '@dw/testing';
import { billingServiceDefinition } from '../billing.service-definition';
import { BillingTestApp, clerk, depositor, manager } from '../testing/billing-test-app.spec-helper';
import { AccountMessages } from './account-messages.spec-helper';

/**
 * Accrual's fees and the bank's payments on the real broker (billing.fee.v1, billing.bank.v1),
 * through the inbox, on real PostgreSQL: the party's account books each once, settles oldest
 * first, publishes on billing.payment.v1 and billing.paid-through.v1, and the ledger's read
 * models balance.
 */
describe('a party’s account from fees and payments on the broker', () => {
  const clock = new ManualClock('2026-10-12T02:00:00Z');
  const party = 'P-HENGDA';
  let app: BillingTestApp;
  let messages: AccountMessages;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    app = await BillingTestApp.start('account', clock);
    messages = new AccountMessages(app);
    recorder = await messages.recorder();
  });
  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
  });

  const accountWhere = (describe: string, wanted: (body: { depositsHeldFen: number; outstandingFen: number }) => boolean) =>
    waitFor(
      async () => {
        const answer = await app.as(manager, 'GET', `/accounts/${party}`);
        return answer.status === 200 && wanted(answer.body) ? answer.body : undefined;
      },
      { timeoutMs: 60_000, describe },
    );
  const published = (type: string) => recorder.messages.filter((message) => message.headers.ce_type === type);

  it('books fees and payments from the broker once each, settles oldest first and publishes the payment, the settlement and the paid-through date', async () => {
    // Owed by P-HENGDA: storage of R-1 for 10-08 (500) and 10-09 (500), and transfer T-1 on
    // 10-09 (1 650). "storage:…" sorts before "transfer:…" on the same day.
    await messages.feeAccrued(party, { feeId: 'storage:R-1:2026-10-08', item: 'storage', receiptNumber: 'R-1', serviceDate: '2026-10-08', amountFen: 500 });
    await messages.feeAccrued(party, { feeId: 'storage:R-1:2026-10-09', item: 'storage', receiptNumber: 'R-1', serviceDate: '2026-10-09', amountFen: 500 });
    await messages.feeAccrued(party, { feeId: 'transfer:T-1', item: 'transfer', receiptNumber: 'R-1', serviceDate: '2026-10-09', amountFen: 1_650 });
    // The same fee accrued again (a replay by accrual) charges nothing more: 2 650 owed.
    await messages.feeAccrued(party, { feeId: 'transfer:T-1', item: 'transfer', receiptNumber: 'R-1', serviceDate: '2026-10-09', amountFen: 1_650 });
    await accountWhere('2 650 fen owed', (account) => account.outstandingFen === 2_650);

    // 1 200 paid, notified twice: booked once. 500 + 500 settled (1 000), 1 650 > 200 waits.
    await messages.paymentReceived(party, { transactionId: 'TX-1', amountFen: 1_200, valueDate: '2026-10-12' });
    await messages.paymentReceived(party, { transactionId: 'TX-1', amountFen: 1_200, valueDate: '2026-10-12' });
    const account = await accountWhere('the payment booked and fees settled', (body) => body.outstandingFen === 1_650);
    expect(account).toMatchObject({ depositsHeldFen: 200, reservedFen: 0, inTransitFen: 0, outstandingFen: 1_650, availableFen: 0 });
    expect(account.paidThrough).toEqual([{ receiptNumber: 'R-1', paidThrough: '2026-10-09' }]);

    const paidThrough = await waitFor(() => published(StoragePaidThroughAdvancedSchema.typeName)[0], {
      timeoutMs: 60_000,
      describe: 'the paid-through date published',
    });
    expect(paidThrough.key).toBe('R-1');
    expect(fromBinary(StoragePaidThroughAdvancedSchema, paidThrough.value)).toMatchObject({
      partyId: party,
      receiptNumber: 'R-1',
      paidThrough: { value: '2026-10-09' },
    });
    const settled = await waitFor(() => published(FeesSettledSchema.typeName)[0], { timeoutMs: 60_000, describe: 'FeesSettled published' });
    expect(fromBinary(FeesSettledSchema, settled.value)).toMatchObject({
      partyId: party,
      paymentId: 'bank-icbc:TX-1',
      settlements: [
        { feeId: 'storage:R-1:2026-10-08', amountFen: 500n },
        { feeId: 'storage:R-1:2026-10-09', amountFen: 500n },
      ],
    });
    const booked = await waitFor(() => published(PaymentBookedSchema.typeName)[0], { timeoutMs: 60_000, describe: 'PaymentBooked published' });
    expect(booked.key).toBe(party);
    expect(fromBinary(PaymentBookedSchema, booked.value)).toMatchObject({ paymentId: 'bank-icbc:TX-1', amountFen: 1_200n, valueDate: { value: '2026-10-12' } });
    expect(published(PaymentBookedSchema.typeName)).toHaveLength(1);

    // The ledger: fees 2 650 (receivable against income), payment 1 200 (cash against deposits
    // held), settlement 1 000 (deposits held against receivable). Balances, debit − credit:
    // cash-at-bank:bank-icbc 1 200; receivable 2 650 − 1 000 = 1 650; deposits-held 1 000 − 1 200
    // = −200; fees-income:storage −1 000; fees-income:transfer −1 650. Sum 0.
    const trial = await waitFor(
      async () => {
        const answer = await app.as(manager, 'GET', '/ledger/trial-balance');
        return answer.body.totalDebitFen === 1_200 + 2_650 + 1_000 ? answer.body : undefined;
      },
      { timeoutMs: 60_000, describe: 'the trial balance with every entry' },
    );
    expect(trial.totalCreditFen).toBe(trial.totalDebitFen);
    expect(Object.fromEntries(trial.accounts.map((row: { account: string; balanceFen: number }) => [row.account, row.balanceFen]))).toEqual({
      'cash-at-bank:bank-icbc': 1_200,
      'receivable:P-HENGDA': 1_650,
      'deposits-held:P-HENGDA': -200,
      'fees-income:storage': -1_000,
      'fees-income:transfer': -1_650,
    });
    const statement = await app.as(depositor(party), 'GET', `/accounts/${party}/entries?limit=50`);
    expect(statement.status).toBe(200);
    expect(statement.body.items.filter((line: { account: string }) => line.account.startsWith('cash-at-bank:'))).toEqual([
      expect.objectContaining({
        debitFen: 1_200,
        creditFen: 0,
        postedOn: '2026-10-12',
        causeType: 'PaymentBooked',
        bankId: 'bank-icbc',
        bankTransactionId: 'TX-1',
      }),
    ]);
    expect(statement.body.items).toHaveLength(2 * 5);
  });

  it('answers another party’s account as a missing one, and keeps the trial balance for managers', async () => {
    expect((await app.as(depositor('P-OTHER'), 'GET', `/accounts/${party}`)).body.code).toBe('ACCOUNT_NOT_FOUND');
    expect((await app.as(depositor('P-OTHER'), 'GET', `/accounts/${party}/entries`)).status).toBe(404);
    expect((await app.as(clerk, 'GET', '/accounts/P-NOBODY')).status).toBe(404);
    expect((await app.as(clerk, 'GET', '/ledger/trial-balance')).status).toBe(403);
  });

  it('rebuilds the journal lines and account balances from the log, equal row for row to the live ones', async () => {
    const rows = async () => {
      const db = app.app.get(Database);
      const lines = await db.query(`SELECT * FROM journal_lines ORDER BY entry_id, line_no`);
      const balances = await db.query(`SELECT * FROM account_balances ORDER BY account`);
      return { lines: lines.rows, balances: balances.rows };
    };
    const live = await rows();
    // Five entries of two lines from the first case.
    expect(live.lines).toHaveLength(10);
    await rebuildService(billingServiceDefinition, app.commandEnv(), ['journal'], () => undefined);
    expect(await rows()).toEqual(live);
  });
});
