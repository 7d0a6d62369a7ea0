import { reconcile } from './reconciliation';

describe('bank statement reconciliation', () => {
  it('reports a line with no entry, an entry with no line and a different amount, and nothing for agreeing lines', () => {
    const statement = [
      { bankTransactionId: 'T1', amountFen: 100_00 },
      { bankTransactionId: 'T2', amountFen: 250_00 }, // the bank has it, we do not
      { bankTransactionId: 'T4', amountFen: -80_00 }, // withdrawal paid
      { bankTransactionId: 'T5', amountFen: 99_99 }, // we booked 100.00
    ];
    const book = [
      { bankTransactionId: 'T1', amountFen: 100_00 },
      { bankTransactionId: 'T3', amountFen: 30_00 }, // we booked it, the bank did not
      { bankTransactionId: 'T4', amountFen: -80_00 },
      { bankTransactionId: 'T5', amountFen: 100_00 },
    ];
    expect(reconcile(statement, book)).toEqual([
      { kind: 'line_without_entry', bankTransactionId: 'T2', statementAmountFen: 250_00, bookAmountFen: null },
      { kind: 'entry_without_line', bankTransactionId: 'T3', statementAmountFen: null, bookAmountFen: 30_00 },
      { kind: 'amount_differs', bankTransactionId: 'T5', statementAmountFen: 99_99, bookAmountFen: 100_00 },
    ]);
  });

  it('adds up book entries of one transaction and treats money out as a different amount from money in', () => {
    // Our book split T7 into 60.00 + 40.00 = 100.00, as the bank's one line says; T8 is in on the statement, out in our book.
    const statement = [
      { bankTransactionId: 'T7', amountFen: 100_00 },
      { bankTransactionId: 'T8', amountFen: 50_00 },
    ];
    const book = [
      { bankTransactionId: 'T7', amountFen: 60_00 },
      { bankTransactionId: 'T7', amountFen: 40_00 },
      { bankTransactionId: 'T8', amountFen: -50_00 },
    ];
    expect(reconcile(statement, book)).toEqual([{ kind: 'amount_differs', bankTransactionId: 'T8', statementAmountFen: 50_00, bookAmountFen: -50_00 }]);
    expect(reconcile([], [])).toEqual([]);
  });
});
