import { fromBinary } from '@bufbuild/protobuf';
import {
  BankNotificationConflictRaisedSchema,
  BankPaymentReceivedSchema,
  billingAlarmTopic,
  billingBankTopic,
  ReconciliationBreakKind,
  ReconciliationBreakRaisedSchema,
  topicName,
  UnmatchedBankPaymentRaisedSchema,
} from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { BANK, BillingTestApp, clerk, depositor, EXCHANGE, manager, OTHER_BANK } from '../testing/billing-test-app.spec-helper';

/**
 * Bank direct connect over HTTP on real PostgreSQL and Kafka: a manager assigns virtual
 * accounts, banks notify money in through the signed integration API, each transaction is booked
 * once, unmatched and conflicting notices are alarms, and a day's statement is reconciled.
 *
 * Monday 2026-12-07, 10:00 in Shanghai.
 */
describe('bank direct connect', () => {
  const clock = new ManualClock('2026-12-07T02:00:00Z');
  let app: BillingTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    app = await BillingTestApp.start('bank', clock);
    recorder = await new TopicRecorder(testMessageBus(), [topicName(billingBankTopic, app.prefix), topicName(billingAlarmTopic, app.prefix)]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
  });

  const published = async <T>(schema: { typeName: string }, count: number, describe: string) =>
    waitFor(
      () => {
        const found = recorder.messages.filter((message) => message.headers.ce_type === schema.typeName);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs: 60_000, describe },
    ) as Promise<T>;

  it('a manager assigns virtual accounts; a payment to one is booked to its party once, however often the bank notifies it', async () => {
    const hengda = await app.as(manager, 'POST', '/virtual-accounts', { partyId: 'P-HENGDA', bankId: BANK.id });
    expect([hengda.status, hengda.body]).toEqual([201, { partyId: 'P-HENGDA', bankId: BANK.id, virtualAccount: '880000000013' }]);
    const again = await app.as(manager, 'POST', '/virtual-accounts', { partyId: 'P-HENGDA', bankId: BANK.id });
    expect([again.status, again.body.code, again.body.details.virtualAccount]).toEqual([409, 'VIRTUAL_ACCOUNT_EXISTS', '880000000013']);
    const atOtherBank = await app.as(manager, 'POST', '/virtual-accounts', { partyId: 'P-HENGDA', bankId: OTHER_BANK.id });
    expect([atOtherBank.status, atOtherBank.body.virtualAccount]).toEqual([201, '880000000013']); // numbered per bank
    const notABank = await app.as(manager, 'POST', '/virtual-accounts', { partyId: 'P-HENGDA', bankId: EXCHANGE.id });
    expect([notABank.status, notABank.body.code, notABank.body.field]).toEqual([422, 'UNKNOWN_BANK', 'bankId']);
    const byClerk = await app.as(clerk, 'POST', '/virtual-accounts', { partyId: 'P-OTHER', bankId: BANK.id });
    expect([byClerk.status, byClerk.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);

    const own = await app.as(depositor('P-HENGDA'), 'GET', '/virtual-accounts');
    expect(own.body.items).toEqual([
      { partyId: 'P-HENGDA', bankId: OTHER_BANK.id, virtualAccount: '880000000013' },
      { partyId: 'P-HENGDA', bankId: BANK.id, virtualAccount: '880000000013' },
    ]);
    expect((await app.as(depositor('P-OTHER'), 'GET', '/virtual-accounts')).body.items).toEqual([]);

    const notice = {
      bankTransactionId: 'ICBC-1001',
      kind: 'payment',
      virtualAccount: '880000000013',
      amountFen: 1_500_00,
      valueDate: '2026-12-07',
      payerName: '衡达钢铁',
    };
    const first = await app.signed(BANK, 'POST', '/integration/bank/incoming-transfers', notice);
    expect([first.status, first.body]).toEqual([
      200,
      { paymentId: 'bank-payment:bank-icbc:ICBC-1001', status: 'matched', partyId: 'P-HENGDA', firstNotice: true },
    ]);
    const repeat = await app.signed(BANK, 'POST', '/integration/bank/incoming-transfers', notice);
    expect([repeat.status, repeat.body.firstNotice, repeat.body.partyId]).toEqual([200, false, 'P-HENGDA']);
    // The other bank's transaction of the same id is another transaction.
    const otherBank = await app.signed(OTHER_BANK, 'POST', '/integration/bank/incoming-transfers', notice);
    expect([otherBank.status, otherBank.body.paymentId, otherBank.body.firstNotice]).toEqual([200, 'bank-payment:bank-boc:ICBC-1001', true]);

    const messages = await published<{ value: Buffer; key: string }[]>(BankPaymentReceivedSchema, 2, 'two BankPaymentReceived on billing.bank.v1');
    const payments = messages.map((message) => ({ key: message.key, ...fromBinary(BankPaymentReceivedSchema, message.value) }));
    expect(payments.map((payment) => [payment.key, payment.paymentId, payment.amountFen, payment.valueDate?.value]).sort()).toEqual([
      ['P-HENGDA', 'bank-payment:bank-boc:ICBC-1001', 150000n, '2026-12-07'],
      ['P-HENGDA', 'bank-payment:bank-icbc:ICBC-1001', 150000n, '2026-12-07'],
    ]);
  });

  it('refuses and alarms a notice that reuses a transaction id with another amount; refuses bad input naming the field', async () => {
    const notice = {
      bankTransactionId: 'ICBC-1002',
      kind: 'top_up',
      virtualAccount: '880000000013',
      amountFen: 300_00,
      valueDate: '2026-12-07',
      payerName: '衡达钢铁',
    };
    expect((await app.signed(BANK, 'POST', '/integration/bank/incoming-transfers', notice)).status).toBe(200);
    const changed = await app.signed(BANK, 'POST', '/integration/bank/incoming-transfers', { ...notice, amountFen: 3_000_00 });
    expect([changed.status, changed.body.code, changed.body.details.differs]).toEqual([409, 'BANK_TRANSACTION_CONFLICT', ['amountFen']]);
    const [alarm] = await published<{ value: Buffer }[]>(BankNotificationConflictRaisedSchema, 1, 'BankNotificationConflictRaised on billing.alarm.v1');
    expect(fromBinary(BankNotificationConflictRaisedSchema, alarm!.value)).toMatchObject({
      bankTransactionId: 'ICBC-1002',
      recordedAmountFen: 30000n,
      notifiedAmountFen: 300000n,
    });

    const zero = await app.signed(BANK, 'POST', '/integration/bank/incoming-transfers', { ...notice, bankTransactionId: 'ICBC-1003', amountFen: 0 });
    expect([zero.status, zero.body.code, zero.body.field]).toEqual([422, 'POSITIVE_INTEGER_REQUIRED', 'amountFen']);
    const badDate = await app.signed(BANK, 'POST', '/integration/bank/incoming-transfers', {
      ...notice,
      bankTransactionId: 'ICBC-1003',
      valueDate: '2026-02-30',
    });
    expect([badDate.status, badDate.body.code, badDate.body.field]).toEqual([422, 'INVALID_DATE', 'valueDate']);
    const badKind = await app.signed(BANK, 'POST', '/integration/bank/incoming-transfers', { ...notice, bankTransactionId: 'ICBC-1003', kind: 'refund' });
    expect([badKind.status, badKind.body.code, badKind.body.errors[0].field]).toEqual([400, 'VALIDATION_FAILED', 'kind']);
    const unsigned = await app.as(manager, 'POST', '/integration/bank/incoming-transfers', notice, { 'idempotency-key': 'k-unsigned' });
    expect([unsigned.status, unsigned.body.code]).toEqual([401, 'SIGNATURE_MISSING']);
    const byExchange = await app.signed(EXCHANGE, 'POST', '/integration/bank/incoming-transfers', notice);
    expect([byExchange.status, byExchange.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });

  it('holds a payment to an unknown virtual account unmatched until a manager assigns it to its party', async () => {
    const notice = {
      bankTransactionId: 'ICBC-2001',
      kind: 'payment',
      virtualAccount: '880000000021',
      amountFen: 42_00,
      valueDate: '2026-12-07',
      payerName: '某某贸易',
    };
    const held = await app.signed(BANK, 'POST', '/integration/bank/incoming-transfers', notice);
    expect([held.status, held.body.status, held.body.partyId]).toEqual([200, 'unmatched', null]);
    const [alarm] = await published<{ value: Buffer }[]>(UnmatchedBankPaymentRaisedSchema, 1, 'UnmatchedBankPaymentRaised on billing.alarm.v1');
    expect(fromBinary(UnmatchedBankPaymentRaisedSchema, alarm!.value)).toMatchObject({
      paymentId: 'bank-payment:bank-icbc:ICBC-2001',
      reason: 'unknown_virtual_account',
    });

    const unmatched = await app.as(clerk, 'GET', '/bank-payments?status=unmatched');
    expect(unmatched.body.items.map((item: { paymentId: string; unmatchedReason: string }) => [item.paymentId, item.unmatchedReason])).toEqual([
      ['bank-payment:bank-icbc:ICBC-2001', 'unknown_virtual_account'],
    ]);
    const byClerk = await app.as(clerk, 'POST', '/bank-payments/bank-payment:bank-icbc:ICBC-2001/assign', { partyId: 'P-OTHER', note: 'phoned' });
    expect([byClerk.status, byClerk.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const assigned = await app.as(manager, 'POST', '/bank-payments/bank-payment:bank-icbc:ICBC-2001/assign', {
      partyId: 'P-OTHER',
      note: 'payer confirmed by phone',
    });
    expect([assigned.status, assigned.body.partyId]).toEqual([200, 'P-OTHER']);
    const twice = await app.as(manager, 'POST', '/bank-payments/bank-payment:bank-icbc:ICBC-2001/assign', { partyId: 'P-HENGDA', note: 'no' });
    expect([twice.status, twice.body.code]).toEqual([409, 'BANK_PAYMENT_ALREADY_MATCHED']);
    const missing = await app.as(manager, 'POST', '/bank-payments/nonsense/assign', { partyId: 'P-HENGDA', note: 'no' });
    expect([missing.status, missing.body.code]).toEqual([404, 'BANK_PAYMENT_NOT_FOUND']);
    expect((await app.as(clerk, 'GET', '/bank-payments?status=unmatched')).body.items).toEqual([]);

    const payments = await published<{ value: Buffer; key: string }[]>(BankPaymentReceivedSchema, 4, 'the assigned payment on billing.bank.v1');
    const assignedMessage = payments
      .map((message) => ({ key: message.key, ...fromBinary(BankPaymentReceivedSchema, message.value) }))
      .find((p) => p.bankTransactionId === 'ICBC-2001');
    expect(assignedMessage).toMatchObject({ key: 'P-OTHER', partyId: 'P-OTHER', assignedBy: manager.sub, amountFen: 4200n });
  });

  it('reconciles a day’s statement line by line and raises exactly the three planted breaks until a manager resolves each', async () => {
    // Our book of ICBC on 2026-12-07 so far: ICBC-1001 1 500.00, ICBC-1002 300.00, ICBC-2001 42.00 (held, then assigned).
    // Three more payments on 12-08, then the bank's statement of 12-08 with three planted breaks:
    //   ICBC-3001 agrees (800.00); ICBC-3002 differs (statement 99.00, book 100.00);
    //   ICBC-3003 is booked (55.00) but not on the statement; ICBC-3900 is on the statement (-20.00, a bank charge) but not booked.
    const day = '2026-12-08';
    for (const [id, fen] of [
      ['ICBC-3001', 800_00],
      ['ICBC-3002', 100_00],
      ['ICBC-3003', 55_00],
    ] as const) {
      const booked = await app.signed(BANK, 'POST', '/integration/bank/incoming-transfers', {
        bankTransactionId: id,
        kind: 'payment',
        virtualAccount: '880000000013',
        amountFen: fen,
        valueDate: day,
        payerName: '衡达钢铁',
      });
      expect(booked.status).toBe(200);
    }
    // The payments reach the ledger through billing.bank.v1 and the account's inbox: the statement comes once they are posted.
    await waitFor(
      async () => {
        const { rows } = await app.db.query<{ count: string }>(
          `SELECT count(*) FROM journal_lines WHERE account = 'cash-at-bank:bank-icbc' AND posted_on = $1`,
          [day],
        );
        return Number(rows[0]!.count) === 3 || undefined;
      },
      { timeoutMs: 60_000, describe: 'the three payments of 12-08 posted to cash at bank' },
    );
    const statement = {
      statementDate: day,
      lines: [
        { bankTransactionId: 'ICBC-3001', amountFen: 800_00 },
        { bankTransactionId: 'ICBC-3002', amountFen: 99_00 },
        { bankTransactionId: 'ICBC-3900', amountFen: -20_00 },
      ],
    };
    const submitted = await app.signed(BANK, 'POST', '/integration/bank/statements', statement);
    expect([submitted.status, submitted.body]).toEqual([
      200,
      {
        bankId: BANK.id,
        statementDate: day,
        lines: 3,
        breaks: [
          { breakId: 'bank-icbc:2026-12-08:ICBC-3002', open: true },
          { breakId: 'bank-icbc:2026-12-08:ICBC-3003', open: true },
          { breakId: 'bank-icbc:2026-12-08:ICBC-3900', open: true },
        ],
      },
    ]);
    const resent = await app.signed(BANK, 'POST', '/integration/bank/statements', statement);
    expect([resent.status, resent.body.breaks.length]).toEqual([200, 3]);
    const changed = await app.signed(BANK, 'POST', '/integration/bank/statements', { ...statement, lines: statement.lines.slice(1) });
    expect([changed.status, changed.body.code]).toEqual([409, 'BANK_STATEMENT_ALREADY_RECEIVED']);
    const repeated = await app.signed(BANK, 'POST', '/integration/bank/statements', {
      statementDate: '2026-12-09',
      lines: [statement.lines[0], statement.lines[0]],
    });
    expect([repeated.status, repeated.body.code]).toEqual([422, 'STATEMENT_LINE_REPEATED']);
    // 2027 is no leap year: a day that does not exist is refused before any book is read.
    const noSuchDay = await app.signed(BANK, 'POST', '/integration/bank/statements', { statementDate: '2027-02-29', lines: statement.lines });
    expect([noSuchDay.status, noSuchDay.body.code, noSuchDay.body.field]).toEqual([422, 'INVALID_DATE', 'statementDate']);

    const open = await app.as(clerk, 'GET', '/reconciliation-breaks?status=open');
    expect(open.body.items.map((item: Record<string, unknown>) => [item.bankTransactionId, item.kind, item.statementAmountFen, item.bookAmountFen])).toEqual([
      ['ICBC-3002', 'amount_differs', 99_00, 100_00],
      ['ICBC-3003', 'entry_without_line', null, 55_00],
      ['ICBC-3900', 'line_without_entry', -20_00, null],
    ]);
    const alarms = await published<{ value: Buffer }[]>(ReconciliationBreakRaisedSchema, 3, 'three ReconciliationBreakRaised on billing.alarm.v1');
    expect(alarms.map((message) => fromBinary(ReconciliationBreakRaisedSchema, message.value).kind).sort()).toEqual(
      [ReconciliationBreakKind.AMOUNT_DIFFERS, ReconciliationBreakKind.ENTRY_WITHOUT_LINE, ReconciliationBreakKind.LINE_WITHOUT_ENTRY].sort(),
    );

    const breakPath = `/reconciliation-breaks/${encodeURIComponent('bank-icbc:2026-12-08:ICBC-3900')}/resolve`;
    const byClerk = await app.as(clerk, 'POST', breakPath, { resolution: 'bank charge' });
    expect([byClerk.status, byClerk.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const resolved = await app.as(manager, 'POST', breakPath, { resolution: 'the bank’s monthly charge; booked by hand' });
    expect([resolved.status, resolved.body]).toEqual([200, { breakId: 'bank-icbc:2026-12-08:ICBC-3900', open: false }]);
    const again = await app.as(manager, 'POST', breakPath, { resolution: 'again' });
    expect([again.status, again.body.code]).toEqual([409, 'RECONCILIATION_BREAK_RESOLVED']);
    const unknown = await app.as(manager, 'POST', `/reconciliation-breaks/${encodeURIComponent('bank-icbc:2026-12-08:ICBC-0000')}/resolve`, {
      resolution: 'x',
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'RECONCILIATION_BREAK_NOT_FOUND']);
    expect(
      (await app.as(clerk, 'GET', '/reconciliation-breaks?status=open')).body.items.map((item: { bankTransactionId: string }) => item.bankTransactionId),
    ).toEqual(['ICBC-3002', 'ICBC-3003']);
  });
});
