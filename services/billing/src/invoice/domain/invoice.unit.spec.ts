import { foldEvents } from '@dw/kernel';
import { deciderSpec, refusalOf } from '@dw/testing';
import { settlementOf, statementBookDecider } from '../../statement/domain/statement-book.decider';
import {
  hengda,
  issueThrough,
  manager,
  PARTY,
  recordCharge,
  recordPayment,
  recordReversal,
  run,
  storageCharge,
  transferCharge,
} from '../../statement/domain/statement-book.fixtures.spec-helper';
import { invoiceRequestDecider, type InvoiceEvent, type RecordInvoiceAnswer, type RequestInvoice } from './invoice-request.decider';
import { invoicingDetailsDecider, type InvoicingDetails } from './invoicing-details';
import { assertUnifiedSocialCreditCode } from './unified-social-credit-code';

const details: InvoicingDetails = {
  companyName: 'Hengda Steel Trading Co.',
  taxpayerId: '91350100M000100Y43',
  address: '1 Binjiang Road, Fuzhou',
  phone: '0591-12345678',
  bankName: 'ICBC Fuzhou Branch',
  bankAccount: '1402020209000012345',
};
const at = '2026-11-05T02:00:00Z';
const request = (settlement: { chargedFen: number; settledFen: number }, overrides: Partial<RequestInvoice['data']> = {}): RequestInvoice => ({
  type: 'RequestInvoice',
  data: { statementId: 'STMT-2026-10-P-HENGDA', partyId: PARTY, settlement, details, actor: hengda, at, ...overrides },
});
const answer = (status: 'issued' | 'rejected', value: string, requestId = 'STMT-2026-10-P-HENGDA-R1'): RecordInvoiceAnswer => ({
  type: 'RecordInvoiceAnswer',
  data: { requestId, status, invoiceNumber: status === 'issued' ? value : null, reason: status === 'rejected' ? value : null, at },
});
const requested: InvoiceEvent = {
  type: 'InvoiceRequested',
  data: { requestId: 'STMT-2026-10-P-HENGDA-R1', statementId: 'STMT-2026-10-P-HENGDA', partyId: PARTY, amountFen: 1500, details, actor: hengda, at },
};

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts a code whose check character matches and refuses a wrong check, length or character', () => {
    // By hand for 91350100M000100Y43: values 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4; weights
    // 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28; Σ = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 +
    // 112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3: the 18th character is 3.
    expect(assertUnifiedSocialCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    const wrongCheck = refusalOf(() => assertUnifiedSocialCreditCode('91350100M000100Y44'));
    expect([wrongCheck.code, wrongCheck.field, wrongCheck.details.expected]).toEqual(['INVALID_TAXPAYER_ID', 'taxpayerId', '3']);
    expect(refusalOf(() => assertUnifiedSocialCreditCode('91350100M000100Y4')).details.length).toBe(17);
    // I, O, Z, S and V are not in the code's character set.
    expect(refusalOf(() => assertUnifiedSocialCreditCode('91350100I000100Y43')).details.position).toBe(9);
  });

  it('keeps a party’s invoicing details only with a valid code, set by the depositor itself or a manager', () => {
    const set = { type: 'SetInvoicingDetails' as const, data: { ...details, partyId: PARTY, actor: hengda, at } };
    deciderSpec(invoicingDetailsDecider)
      .given([])
      .when(set)
      .then([{ type: 'InvoicingDetailsSet', data: set.data }]);
    deciderSpec(invoicingDetailsDecider)
      .given([])
      .when({ ...set, data: { ...set.data, taxpayerId: '91350100M000100Y44' } })
      .thenRefusedWith('INVALID_TAXPAYER_ID');
    deciderSpec(invoicingDetailsDecider)
      .given([])
      .when({ ...set, data: { ...set.data, actor: { subject: 'dep-other', role: 'depositor', partyId: 'P-OTHER' } } })
      .thenRefusedWith('INVOICING_DETAILS_NOT_FOUND');
    deciderSpec(invoicingDetailsDecider)
      .given([])
      .when({ ...set, data: { ...set.data, actor: manager, bankAccount: ' ' } })
      .thenRefusedWith('FIELD_REQUIRED');
  });
});

describe('invoice requests', () => {
  it('invoices a statement once its fees are settled in full, and records the invoicing system’s answer', () => {
    // October: storage 500 and transfer 1 000 fen charged; the transfer fee reversed on the
    // statement; settled 500 of the storage. Charged net of reversals: 500; settled: 500.
    const { events } = run([
      recordCharge(storageCharge('WR1', '2026-10-30', 33_333, 15, 500)),
      recordCharge(transferCharge('T1', 'WR1', '2026-10-30', 33_333, 30, 1000)),
      recordReversal('transfer:T1', 1000, '2026-10-31T01:00:00Z'),
      recordPayment('PAY-1', 500, '2026-10-31'),
      {
        type: 'RecordFeesSettlement',
        data: { partyId: PARTY, paymentId: 'PAY-1', settlements: [{ feeId: 'storage:WR1:2026-10-30', amountFen: 500 }], settledAt: at },
      },
      issueThrough('2026-10', '2026-11-01T01:00:00Z'),
    ]);
    const book = foldEvents(statementBookDecider, events);
    expect(settlementOf(book.statements[0]!, book.settledFen)).toEqual({ chargedFen: 500, settledFen: 500 });

    deciderSpec(invoiceRequestDecider)
      .given([])
      .when(request({ chargedFen: 500, settledFen: 500 }))
      .then([{ type: 'InvoiceRequested', data: { ...requested.data, amountFen: 500 } }]);
    deciderSpec(invoiceRequestDecider)
      .given([])
      .when(request({ chargedFen: 1500, settledFen: 800 }))
      .thenRefusedWith('INVOICE_STATEMENT_NOT_SETTLED');
    deciderSpec(invoiceRequestDecider)
      .given([])
      .when(request({ chargedFen: 0, settledFen: 0 }))
      .thenRefusedWith('INVOICE_STATEMENT_NOT_SETTLED');
    deciderSpec(invoiceRequestDecider)
      .given([])
      .when(request({ chargedFen: 1500, settledFen: 1500 }, { details: null }))
      .thenRefusedWith('INVOICING_DETAILS_MISSING');
    deciderSpec(invoiceRequestDecider)
      .given([requested])
      .when(request({ chargedFen: 1500, settledFen: 1500 }))
      .thenRefusedWith('INVOICE_ALREADY_REQUESTED');

    deciderSpec(invoiceRequestDecider)
      .given([requested])
      .when(answer('issued', '044031900111-00012345'))
      .then([{ type: 'InvoiceIssued', data: { requestId: 'STMT-2026-10-P-HENGDA-R1', invoiceNumber: '044031900111-00012345', at } }]);
    const issued: InvoiceEvent = { type: 'InvoiceIssued', data: { requestId: 'STMT-2026-10-P-HENGDA-R1', invoiceNumber: '044031900111-00012345', at } };
    deciderSpec(invoiceRequestDecider).given([requested, issued]).when(answer('issued', '044031900111-00012345')).then([]);
    deciderSpec(invoiceRequestDecider).given([requested, issued]).when(answer('rejected', 'duplicate')).thenRefusedWith('INVOICE_ALREADY_ANSWERED');
    deciderSpec(invoiceRequestDecider)
      .given([requested])
      .when(answer('issued', '1', 'STMT-2026-10-P-HENGDA-R9'))
      .thenRefusedWith('INVOICE_REQUEST_NOT_FOUND');

    // Rejected (the taxpayer id did not match the tax bureau's record): the depositor may ask again, as request 2.
    const rejected: InvoiceEvent = { type: 'InvoiceRejected', data: { requestId: 'STMT-2026-10-P-HENGDA-R1', reason: 'taxpayer id not registered', at } };
    deciderSpec(invoiceRequestDecider)
      .given([requested, rejected])
      .when(request({ chargedFen: 1500, settledFen: 1500 }))
      .then([{ type: 'InvoiceRequested', data: { ...requested.data, requestId: 'STMT-2026-10-P-HENGDA-R2' } }]);
  });
});
