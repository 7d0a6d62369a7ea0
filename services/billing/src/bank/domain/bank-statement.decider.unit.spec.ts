import { deciderSpec } from '@dw/testing';
import type { Actor } from '../../common/domain/actor';
import { bankStatementDecider, type BankStatementEvent, type SubmitBankStatement } from './bank-statement.decider';

const bank: Actor = { subject: 'bank-icbc', role: 'bank' };
const manager: Actor = { subject: 'mgr-qian', role: 'manager' };
const at = '2026-12-08T01:00:00Z';
const day = '2026-12-07' as never;
const lines = [
  { bankTransactionId: 'T1', amountFen: 500_00 },
  { bankTransactionId: 'T2', amountFen: 20_00 },
];
const submit = (overrides: Partial<SubmitBankStatement['data']> = {}): SubmitBankStatement => ({
  type: 'SubmitBankStatement',
  data: { bankId: 'bank-icbc', statementDate: '2026-12-07', lines, book: [{ bankTransactionId: 'T1', amountFen: 500_00 }], actor: bank, at, ...overrides },
});
const received: BankStatementEvent = {
  type: 'BankStatementReceived',
  data: { bankId: 'bank-icbc', statementDate: day, lines, bookedCount: 1, actor: bank, at },
};
const raised: BankStatementEvent = {
  type: 'ReconciliationBreakRaised',
  data: {
    breakId: 'bank-icbc:2026-12-07:T2',
    bankId: 'bank-icbc',
    statementDate: day,
    kind: 'line_without_entry',
    bankTransactionId: 'T2',
    statementAmountFen: 20_00,
    bookAmountFen: null,
    at,
  },
};
const resolve = {
  type: 'ResolveReconciliationBreak' as const,
  data: { breakId: 'bank-icbc:2026-12-07:T2', resolution: 'bank fee refund, booked by hand', actor: manager, at },
};

const spec = deciderSpec(bankStatementDecider);

describe('bank statement decider', () => {
  it('reconciles a statement when it arrives and raises each break; the same statement again changes nothing', () => {
    spec.given([]).when(submit()).then([received, raised]);
    spec.given([received, raised]).when(submit()).then([]);
    spec
      .given([received, raised])
      .when(submit({ lines: [{ bankTransactionId: 'T1', amountFen: 500_00 }] }))
      .thenRefusedWith('BANK_STATEMENT_ALREADY_RECEIVED');
  });

  it('refuses a statement with a transaction twice or a zero amount', () => {
    spec
      .given([])
      .when(submit({ lines: [lines[0]!, lines[0]!] }))
      .thenRefusedWith('STATEMENT_LINE_REPEATED');
    spec
      .given([])
      .when(submit({ lines: [{ bankTransactionId: 'T1', amountFen: 0 }] }))
      .thenRefusedWith('NON_ZERO_INTEGER_REQUIRED');
  });

  it('a manager resolves an open break once', () => {
    spec
      .given([received, raised])
      .when(resolve)
      .then([
        {
          type: 'ReconciliationBreakResolved',
          data: {
            breakId: 'bank-icbc:2026-12-07:T2',
            bankId: 'bank-icbc',
            statementDate: day,
            resolution: 'bank fee refund, booked by hand',
            actor: manager,
            at,
          },
        },
      ]);
    spec
      .given([received, raised, { type: 'ReconciliationBreakResolved', data: { ...resolve.data, bankId: 'bank-icbc', statementDate: day } }])
      .when(resolve)
      .thenRefusedWith('RECONCILIATION_BREAK_RESOLVED');
    spec.given([received]).when(resolve).thenRefusedWith('RECONCILIATION_BREAK_NOT_FOUND');
    spec
      .given([received, raised])
      .when({ ...resolve, data: { ...resolve.data, actor: { subject: 'clerk-li', role: 'clerk' } } })
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });
});
