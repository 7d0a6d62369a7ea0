import { fromBinary } from '@bufbuild/protobuf';
import { WithdrawalApprovedSchema, WithdrawalReturnedSchema } from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { type TopicRecorder, waitFor } from '@dw/testing';
import { BillingTestApp, depositor, manager } from '../testing/billing-test-app.spec-helper';
import { AccountMessages } from './account-messages.spec-helper';

/**
 * Withdrawals over HTTP (the depositor requests, a manager decides) and the bank's answers on
 * the real broker (billing.bank.v1), on real PostgreSQL and Kafka.
 */
describe('withdrawals from a party’s account', () => {
  const clock = new ManualClock('2026-10-12T02:00:00Z');
  const party = 'P-HUADONG';
  const owner = depositor(party);
  const payee = { payeeAccountName: '华东建材有限公司', payeeAccountNumber: '6222021001234567890', payeeBank: 'ICBC Shanghai Pudong Branch' };
  let app: BillingTestApp;
  let messages: AccountMessages;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    app = await BillingTestApp.start('withdrawals', clock);
    messages = new AccountMessages(app);
    recorder = await messages.recorder();
  });
  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
  });

  const accountWhere = (describe: string, wanted: (body: Record<string, number>) => boolean) =>
    waitFor(
      async () => {
        const answer = await app.as(owner, 'GET', `/accounts/${party}`);
        return answer.status === 200 && wanted(answer.body) ? answer.body : undefined;
      },
      { timeoutMs: 60_000, describe },
    );
  const balancesOf = (account: Record<string, unknown>) => {
    const { depositsHeldFen, reservedFen, inTransitFen, outstandingFen, availableFen } = account;
    return { depositsHeldFen, reservedFen, inTransitFen, outstandingFen, availableFen };
  };
  const request = (amountFen: number, body: Record<string, unknown> = payee) => app.as(owner, 'POST', `/accounts/${party}/withdrawals`, { amountFen, ...body });

  it('a withdrawal larger than the available balance is refused; one approved and refused by the bank’s callback leaves the balance as before', async () => {
    // 10 000 fen paid in; no fee owed: all 10 000 available.
    await messages.paymentReceived(party, { transactionId: 'TX-10', amountFen: 10_000, valueDate: '2026-10-12' });
    const before = balancesOf(await accountWhere('10 000 fen held', (account) => account.depositsHeldFen === 10_000));
    expect(before).toEqual({ depositsHeldFen: 10_000, reservedFen: 0, inTransitFen: 0, outstandingFen: 0, availableFen: 10_000 });

    const tooMuch = await request(10_001);
    expect([tooMuch.status, tooMuch.body.code]).toEqual([409, 'WITHDRAWAL_EXCEEDS_AVAILABLE']);
    expect(tooMuch.body.details).toMatchObject({ amountFen: 10_001, availableFen: 10_000 });

    // 6 000 requested: reserved, 10 000 − 6 000 = 4 000 left available.
    const requested = await request(6_000);
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ partyId: party, amountFen: 6_000, status: 'requested', ...payee });
    const withdrawalId: string = requested.body.withdrawalId;
    expect(balancesOf(await accountWhere('6 000 reserved', (account) => account.reservedFen === 6_000))).toMatchObject({ availableFen: 4_000 });

    const approved = await app.as(manager, 'POST', `/accounts/${party}/withdrawals/${withdrawalId}/approval`);
    expect([approved.status, approved.body.status]).toEqual([200, 'approved']);
    const sent = await waitFor(() => recorder.messages.find((message) => message.headers.ce_type === WithdrawalApprovedSchema.typeName), {
      timeoutMs: 60_000,
      describe: 'WithdrawalApproved for the bank',
    });
    expect(fromBinary(WithdrawalApprovedSchema, sent.value)).toMatchObject({ withdrawalId, partyId: party, amountFen: 6_000n, ...payee });
    // In transit: 4 000 held, 6 000 with the bank.
    expect(balancesOf(await accountWhere('6 000 in transit', (account) => account.inTransitFen === 6_000))).toEqual({
      depositsHeldFen: 4_000,
      reservedFen: 0,
      inTransitFen: 6_000,
      outstandingFen: 0,
      availableFen: 4_000,
    });

    // The bank refuses it (twice, as a bank may call back again): the balance is as before.
    await messages.withdrawalRefused(party, withdrawalId, 'payee account closed');
    await messages.withdrawalRefused(party, withdrawalId, 'payee account closed');
    const after = await accountWhere('the withdrawal returned', (account) => account.inTransitFen === 0 && account.depositsHeldFen === 10_000);
    expect(balancesOf(after)).toEqual(before);
    expect(after.withdrawals).toEqual([expect.objectContaining({ withdrawalId, status: 'returned' })]);
    await waitFor(() => recorder.messages.find((message) => message.headers.ce_type === WithdrawalReturnedSchema.typeName), {
      timeoutMs: 60_000,
      describe: 'WithdrawalReturned published',
    });
    // The ledger: 10 000 cash, deposits held back to −10 000, nothing left in transit.
    const trial = await waitFor(
      async () => {
        const answer = await app.as(manager, 'GET', '/ledger/trial-balance');
        // payment 10 000 + approval 6 000 + return 6 000 debited.
        return answer.body.totalDebitFen === 22_000 ? answer.body : undefined;
      },
      { timeoutMs: 60_000, describe: 'the return in the ledger' },
    );
    expect(Object.fromEntries(trial.accounts.map((row: { account: string; balanceFen: number }) => [row.account, row.balanceFen]))).toEqual({
      'cash-at-bank:bank-icbc': 10_000,
      'deposits-held:P-HUADONG': -10_000,
      'withdrawals-in-transit:P-HUADONG': 0,
    });
  });

  it('pays out an approved withdrawal the bank confirms, from cash at bank with the bank’s transaction', async () => {
    const requested = await request(3_000);
    const withdrawalId: string = requested.body.withdrawalId;
    await app.as(manager, 'POST', `/accounts/${party}/withdrawals/${withdrawalId}/approval`);
    await messages.withdrawalConfirmed(party, { withdrawalId, transactionId: 'OUT-1', amountFen: 3_000, valueDate: '2026-10-13' });
    // 10 000 − 3 000 = 7 000 held.
    const account = await accountWhere('the withdrawal completed', (body) => body.depositsHeldFen === 7_000 && body.inTransitFen === 0);
    expect(account.availableFen).toBe(7_000);
    const lines = await waitFor(
      async () => {
        const answer = await app.as(owner, 'GET', `/accounts/${party}/entries?limit=50`);
        return answer.body.items.find(
          (line: { causeType: string; account: string }) => line.causeType === 'WithdrawalCompleted' && line.account === 'cash-at-bank:bank-icbc',
        );
      },
      { timeoutMs: 60_000, describe: 'the completion in the ledger' },
    );
    expect(lines).toMatchObject({
      creditFen: 3_000,
      debitFen: 0,
      postedOn: '2026-10-13',
      bankId: 'bank-icbc',
      bankTransactionId: 'OUT-1',
      causeId: withdrawalId,
    });
  });

  it('refuses bad requests with the field and reason, another party’s account, and decisions by the wrong role or on a closed withdrawal', async () => {
    const zero = await request(0);
    expect([zero.status, zero.body.code, zero.body.field]).toEqual([422, 'POSITIVE_INTEGER_REQUIRED', 'amountFen']);
    const noPayee = await app.as(owner, 'POST', `/accounts/${party}/withdrawals`, { amountFen: 100 });
    expect([noPayee.status, noPayee.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const blank = await request(100, { ...payee, payeeBank: '  ' });
    expect([blank.status, blank.body.code, blank.body.field]).toEqual([422, 'FIELD_REQUIRED', 'payeeBank']);
    const other = await app.as(depositor('P-OTHER'), 'POST', `/accounts/${party}/withdrawals`, { amountFen: 100, ...payee });
    expect([other.status, other.body.code]).toEqual([404, 'ACCOUNT_NOT_FOUND']);
    const requested = await request(100);
    const byDepositor = await app.as(owner, 'POST', `/accounts/${party}/withdrawals/${requested.body.withdrawalId}/approval`);
    expect(byDepositor.status).toBe(403);
    const rejected = await app.as(manager, 'POST', `/accounts/${party}/withdrawals/${requested.body.withdrawalId}/rejection`, {
      reason: 'the payee is not the depositor',
    });
    expect([rejected.status, rejected.body.status]).toEqual([200, 'rejected']);
    const late = await app.as(manager, 'POST', `/accounts/${party}/withdrawals/${requested.body.withdrawalId}/approval`);
    expect([late.status, late.body.code]).toEqual([409, 'WITHDRAWAL_CLOSED']);
    const unknown = await app.as(manager, 'POST', `/accounts/${party}/withdrawals/W-NONE/approval`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'WITHDRAWAL_NOT_FOUND']);
  });
});
