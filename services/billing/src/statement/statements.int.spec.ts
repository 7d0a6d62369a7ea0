import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  billingFeeTopic,
  billingPaymentTopic,
  FeeAccruedSchema,
  FeesSettledSchema,
  FeeSettlementSchema,
  LocalDateSchema,
  PaymentBookedSchema,
} from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { waitFor } from '@dw/testing';
import { BillingTestApp, clerk, depositor, INVOICING, manager } from '../testing/billing-test-app.spec-helper';
import { StatementPeriodEndScheduler } from './commands/issue-statements/statement-period-end.scheduler';
import { verifyStatementPdf } from './document/statement-signature';

/**
 * Statements on real PostgreSQL and Kafka: the accrual and money parts' contract messages
 * (FeeAccrued, PaymentBooked, FeesSettled) published on the real broker, consumed through the
 * inbox, issued by the period-end run when October ends in Shanghai, reviewed by the depositor
 * and downloaded as a signed PDF.
 */
describe('statements (billing.fee.v1 and billing.payment.v1 into signed monthly statements)', () => {
  // Saturday 2026-10-31, 10:00 in Shanghai.
  const clock = new ManualClock('2026-10-31T02:00:00Z');
  let app: BillingTestApp;
  const hengda = depositor('P-HENGDA');
  const other = depositor('P-OTHER');
  const date = (value: string) => create(LocalDateSchema, { value });
  const at = (instant: string) => timestampFromDate(new Date(instant));

  beforeAll(async () => {
    app = await BillingTestApp.start('statements', clock);
  });
  afterAll(() => app?.close());

  const feeAccrued = (feeId: string, item: string, rateFen: number, amountFen: number) =>
    create(FeeAccruedSchema, {
      feeId,
      partyId: 'P-HENGDA',
      item,
      receiptNumber: 'WR00000042',
      lotId: '',
      serviceDate: date('2026-10-30'),
      chargedOn: date('2026-10-30'),
      weightKg: 33_333n,
      rateFen: BigInt(rateFen),
      amountFen: BigInt(amountFen),
      rateSource: 'contract',
      rateVersion: 2,
      accruedAt: at('2026-10-30T08:00:00Z'),
    });

  it('issues October’s statement at period end from the consumed fees and payments, and the depositor gets a signed PDF that verifies', async () => {
    // By hand: storage 15 fen/t × 33 333 kg = 499.995 → 500 fen; transfer 30 fen/t × 33 333 kg =
    // 999.99 → 1 000 fen; charges 1 500. Paid 800 on 10-31 (settling the storage 500 and 300 of
    // the transfer fee). Opening 0, closing 0 + 1 500 − 800 = 700 fen.
    const storage = feeAccrued('storage:WR00000042:2026-10-30', 'storage', 15, 500);
    await app.publish(billingFeeTopic, 'P-HENGDA', FeeAccruedSchema, storage);
    await app.publish(billingFeeTopic, 'P-HENGDA', FeeAccruedSchema, feeAccrued('transfer:T-1', 'transfer', 30, 1000));
    await app.publish(billingFeeTopic, 'P-HENGDA', FeeAccruedSchema, storage); // delivered again: recorded once
    await app.publish(
      billingPaymentTopic,
      'P-HENGDA',
      PaymentBookedSchema,
      create(PaymentBookedSchema, {
        paymentId: 'PAY-1',
        partyId: 'P-HENGDA',
        amountFen: 800n,
        valueDate: date('2026-10-31'),
        bookedAt: at('2026-10-31T02:00:00Z'),
      }),
    );
    await app.publish(
      billingPaymentTopic,
      'P-HENGDA',
      FeesSettledSchema,
      create(FeesSettledSchema, {
        partyId: 'P-HENGDA',
        paymentId: 'PAY-1',
        settlements: [
          create(FeeSettlementSchema, { feeId: 'storage:WR00000042:2026-10-30', amountFen: 500n }),
          create(FeeSettlementSchema, { feeId: 'transfer:T-1', amountFen: 300n }),
        ],
        settledAt: at('2026-10-31T02:00:01Z'),
      }),
    );
    await waitFor(
      async () => {
        const events = await app.store.transaction((tx) => tx.readStream('statement-book-P-HENGDA'));
        return events.length === 4;
      },
      { describe: 'two fees, a payment and a settlement recorded in P-HENGDA’s statement book' },
    );

    // Still October in Shanghai: nothing to issue yet, on demand neither.
    const early = await app.as(manager, 'POST', '/statements', { partyId: 'P-HENGDA', period: '2026-10' });
    expect([early.status, early.body.code, early.body.field]).toEqual([422, 'STATEMENT_PERIOD_NOT_ENDED', 'period']);

    // 2026-10-31T16:05Z is 1 November 00:05 in Shanghai: the period-end run issues October, once.
    // The run finds the parties to issue in a read model: wait until it has applied the book.
    await app.readModelsCaughtUp();
    clock.set(new Date('2026-10-31T16:05:00Z'));
    const scheduler = app.app.get(StatementPeriodEndScheduler);
    await scheduler.tick();
    await scheduler.tick();
    const again = await app.as(manager, 'POST', '/statements', { partyId: 'P-HENGDA', period: '2026-10' });
    expect([again.status, again.body]).toEqual([200, { issued: [] }]);

    const statement = await app.as(hengda, 'GET', '/statements/STMT-2026-10-P-HENGDA');
    expect(statement.status).toBe(200);
    expect(statement.body).toMatchObject({
      statementId: 'STMT-2026-10-P-HENGDA',
      version: 1,
      status: 'issued',
      openingBalanceFen: 0,
      chargesFen: 1500,
      paymentsFen: 800,
      closingBalanceFen: 700,
    });
    expect(
      statement.body.lines.map((line: { reference: string; rateFen: number | null; amountFen: number }) => [line.reference, line.rateFen, line.amountFen]),
    ).toEqual([
      ['storage:WR00000042:2026-10-30', 15, 500],
      ['transfer:T-1', 30, 1000],
      ['PAY-1', null, -800],
    ]);
    // The period-end run is no request, so no read-your-writes position: wait for the list's read model.
    const listed = await waitFor(
      async () => {
        const answer = await app.as(clerk, 'GET', '/statements?partyId=P-HENGDA');
        return answer.body.items?.length > 0 ? answer : undefined;
      },
      { describe: 'October’s statement in the statements read model' },
    );
    expect(listed.body.items.map((item: { statementId: string; closingBalanceFen: number }) => [item.statementId, item.closingBalanceFen])).toEqual([
      ['STMT-2026-10-P-HENGDA', 700],
    ]);
    const hidden = await app.as(other, 'GET', '/statements/STMT-2026-10-P-HENGDA/pdf');
    expect([hidden.status, hidden.body.code]).toEqual([404, 'STATEMENT_NOT_FOUND']);

    // The signed PDF: the bytes, their detached signature and the published key verify; one byte changed fails.
    const token = app.token(hengda);
    const pdf = Buffer.from(
      await (await fetch(`${app.url}/statements/STMT-2026-10-P-HENGDA/pdf`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer(),
    );
    const signature = await (await fetch(`${app.url}/statements/STMT-2026-10-P-HENGDA/pdf.sig`, { headers: { authorization: `Bearer ${token}` } })).text();
    const key = await app.as(clerk, 'GET', '/statements/signing-key');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(verifyStatementPdf(pdf, signature, key.body.publicKeyPem)).toBe(true);
    const tampered = Buffer.from(pdf);
    tampered[tampered.length - 20] = tampered[tampered.length - 20]! ^ 0x01;
    expect(verifyStatementPdf(tampered, signature, key.body.publicKeyPem)).toBe(false);
    const verified = await app.as(hengda, 'POST', '/statements/verify', { pdfBase64: pdf.toString('base64'), signatureBase64: signature });
    const refused = await app.as(hengda, 'POST', '/statements/verify', { pdfBase64: tampered.toString('base64'), signatureBase64: signature });
    expect([verified.body, refused.body]).toEqual([{ valid: true }, { valid: false }]);
  });

  it('the depositor objects with a reason, the warehouse resolves it; bad requests name the field', async () => {
    const blank = await app.as(hengda, 'POST', '/statements/STMT-2026-10-P-HENGDA/objection', { reason: ' ' });
    expect([blank.status, blank.body.code, blank.body.field]).toEqual([422, 'FIELD_REQUIRED', 'reason']);
    const byOther = await app.as(other, 'POST', '/statements/STMT-2026-10-P-HENGDA/acceptance');
    expect([byOther.status, byOther.body.code]).toEqual([404, 'STATEMENT_NOT_FOUND']);
    const objected = await app.as(hengda, 'POST', '/statements/STMT-2026-10-P-HENGDA/objection', { reason: 'T-1 was bought by P-OTHER' });
    expect([objected.status, objected.body.status]).toEqual([200, 'objected']);
    const accept = await app.as(hengda, 'POST', '/statements/STMT-2026-10-P-HENGDA/acceptance');
    expect([accept.status, accept.body.code]).toEqual([409, 'STATEMENT_ALREADY_REVIEWED']);
    const resolved = await app.as(manager, 'POST', '/statements/STMT-2026-10-P-HENGDA/resolution', {
      note: 'checked: T-1 was bought by P-HENGDA',
      reissue: false,
    });
    expect([resolved.status, resolved.body.status, resolved.body.version]).toEqual([200, 'resolved', 1]);
    const badPeriod = await app.as(manager, 'POST', '/statements', { partyId: 'P-HENGDA', period: '2026-13' });
    expect([badPeriod.status, badPeriod.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const badId = await app.as(manager, 'GET', '/statements/NOT-A-STATEMENT');
    expect([badId.status, badId.body.code]).toEqual([404, 'STATEMENT_NOT_FOUND']);
  });

  it('invoices the statement once its fees are settled in full, with the party’s invoicing details, and records the invoicing system’s answer', async () => {
    const details = {
      companyName: 'Hengda Steel Trading Co.',
      taxpayerId: '91350100M000100Y43',
      address: '1 Binjiang Road, Fuzhou',
      phone: '0591-12345678',
      bankName: 'ICBC Fuzhou Branch',
      bankAccount: '1402020209000012345',
    };
    const wrongCode = await app.as(hengda, 'PUT', '/parties/P-HENGDA/invoicing-details', { ...details, taxpayerId: '91350100M000100Y44' });
    expect([wrongCode.status, wrongCode.body.code, wrongCode.body.field]).toEqual([422, 'INVALID_TAXPAYER_ID', 'taxpayerId']);
    const forOther = await app.as(other, 'PUT', '/parties/P-HENGDA/invoicing-details', details);
    expect([forOther.status, forOther.body.code]).toEqual([404, 'INVOICING_DETAILS_NOT_FOUND']);
    const kept = await app.as(hengda, 'PUT', '/parties/P-HENGDA/invoicing-details', details);
    expect([kept.status, kept.body]).toEqual([200, { partyId: 'P-HENGDA', ...details }]);

    // October charged 1 500 fen; PAY-1 settled 500 + 300 = 800 of it: not settled in full.
    const early = await app.as(hengda, 'POST', '/invoice-requests', { statementId: 'STMT-2026-10-P-HENGDA' });
    expect([early.status, early.body.code, early.body.details]).toEqual([
      409,
      'INVOICE_STATEMENT_NOT_SETTLED',
      { statementId: 'STMT-2026-10-P-HENGDA', chargedFen: 1500, settledFen: 800 },
    ]);

    // PAY-2 (700 fen) settles the remaining 700 of the transfer fee: 800 + 700 = 1 500, all of it.
    await app.publish(
      billingPaymentTopic,
      'P-HENGDA',
      FeesSettledSchema,
      create(FeesSettledSchema, {
        partyId: 'P-HENGDA',
        paymentId: 'PAY-2',
        settlements: [create(FeeSettlementSchema, { feeId: 'transfer:T-1', amountFen: 700n })],
        settledAt: at('2026-11-02T02:00:00Z'),
      }),
    );
    const requested = await waitFor(
      async () => {
        const answer = await app.as(hengda, 'POST', '/invoice-requests', { statementId: 'STMT-2026-10-P-HENGDA' });
        return answer.status === 201 ? answer : undefined;
      },
      { describe: 'the invoice request accepted once PAY-2’s settlement is recorded' },
    );
    expect(requested.body).toMatchObject({ requestId: 'STMT-2026-10-P-HENGDA-R1', amountFen: 1500, status: 'requested', details });

    const answered = await app.signed(INVOICING, 'POST', '/integration/invoice-requests/STMT-2026-10-P-HENGDA-R1/answer', {
      status: 'issued',
      invoiceNumber: '044031900111-00012345',
    });
    expect([answered.status, answered.body.status, answered.body.invoiceNumber]).toEqual([200, 'issued', '044031900111-00012345']);
    const contrary = await app.signed(INVOICING, 'POST', '/integration/invoice-requests/STMT-2026-10-P-HENGDA-R1/answer', {
      status: 'rejected',
      reason: 'late',
    });
    expect([contrary.status, contrary.body.code]).toEqual([409, 'INVOICE_ALREADY_ANSWERED']);
    const read = await app.as(hengda, 'GET', '/invoice-requests/STMT-2026-10-P-HENGDA-R1');
    expect([read.body.status, read.body.invoiceNumber]).toEqual(['issued', '044031900111-00012345']);
    const byOther = await app.as(other, 'GET', '/invoice-requests/STMT-2026-10-P-HENGDA-R1');
    expect([byOther.status, byOther.body.code]).toEqual([404, 'INVOICE_REQUEST_NOT_FOUND']);
  });
});
