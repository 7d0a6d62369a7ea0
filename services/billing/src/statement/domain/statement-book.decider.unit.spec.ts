import { deciderSpec, refusalOf } from '@dw/testing';
import { statementBookDecider } from './statement-book.decider';
import type { StatementBookCommand } from './statement-book.commands';
import type { StatementIssued } from './statement-book.events';
import {
  hengda,
  issueThrough,
  manager,
  month,
  PARTY,
  recordCharge,
  recordPayment,
  recordReversal,
  recordWithdrawal,
  run,
  storageCharge,
  transferCharge,
} from './statement-book.fixtures.spec-helper';

const issuedOf = (events: readonly { type: string }[]) => events.filter((event): event is StatementIssued => event.type === 'StatementIssued');
const review = (type: 'AcceptStatement', period = '2026-10', actor = hengda): StatementBookCommand => ({
  type,
  data: { partyId: PARTY, period: month(period), actor, at: '2026-11-03T02:00:00Z' },
});
const object = (reason = 'the transfer fee of T1 is not ours', actor = hengda): StatementBookCommand => ({
  type: 'ObjectToStatement',
  data: { partyId: PARTY, period: month('2026-10'), reason, actor, at: '2026-11-03T02:00:00Z' },
});
const resolve = (reissue: boolean, period = '2026-10', actor = manager): StatementBookCommand => ({
  type: 'ResolveStatementObjection',
  data: { partyId: PARTY, period: month(period), note: 'T1 was charged to the seller by mistake', reissue, actor, at: '2026-11-04T02:00:00Z' },
});

// October 2026: receipt WR1 (33 333 kg) stored on 10-30 at 15 fen/t/day and transferred to P-HENGDA
// that day at 30 fen/t; P-HENGDA pays 800 fen on 10-31. November: WR1 stored on 11-02; a payment of
// 1 200 fen on 11-20; a withdrawal of 300 fen paid out on 11-25.
const october = [
  recordCharge(storageCharge('WR1', '2026-10-30', 33_333, 15, 500)),
  recordCharge(transferCharge('T1', 'WR1', '2026-10-30', 33_333, 30, 1000)),
  recordPayment('PAY-1', 800, '2026-10-31'),
];
const november = [
  recordCharge(storageCharge('WR1', '2026-11-02', 33_333, 15, 500)),
  recordPayment('PAY-2', 1200, '2026-11-20'),
  recordWithdrawal('WD-1', 300, '2026-11-25T06:00:00Z'),
];
// 2026-12-01 00:30 in Shanghai (still 30 November in UTC): November has ended.
const firstOfDecember = '2026-11-30T16:30:00Z';

describe('statement book decider', () => {
  it('issues each month’s statement with opening, charges, payments and closing that add up in whole fen', () => {
    // By hand. October: opening 0; charges 15 × 33 333 / 1000 = 499.995 → 500 and 30 × 33 333 / 1000
    // = 999.99 → 1 000 (as accrued), 1 500 in all; payments 800; closing 0 + 1 500 − 800 = 700.
    // November: opening 700 (October's close); charges 500; payments 1 200; withdrawals paid out 300;
    // closing 700 + 500 − 1 200 + 300 = 300.
    const { events } = run([...october, ...november, issueThrough('2026-11', firstOfDecember)]);
    const [oct, nov] = issuedOf(events);
    expect(oct!.data).toMatchObject({
      statementId: 'STMT-2026-10-P-HENGDA',
      period: '2026-10',
      version: 1,
      trigger: 'period_end',
      openingBalanceFen: 0,
      chargesFen: 1500,
      reversalsFen: 0,
      paymentsFen: 800,
      withdrawalsFen: 0,
      closingBalanceFen: 700,
    });
    expect(oct!.data.lines.map((line) => [line.lineNo, line.kind, line.reference, line.item, line.receiptNumber, line.rateFen, line.amountFen])).toEqual([
      [1, 'charge', 'storage:WR1:2026-10-30', 'storage', 'WR1', 15, 500],
      [2, 'charge', 'transfer:T1', 'transfer', 'WR1', 30, 1000],
      [3, 'payment', 'PAY-1', null, null, null, -800],
    ]);
    expect(nov!.data).toMatchObject({
      period: '2026-11',
      openingBalanceFen: 700,
      chargesFen: 500,
      paymentsFen: 1200,
      withdrawalsFen: 300,
      closingBalanceFen: 300,
    });
    expect(nov!.data.lines.map((line) => [line.kind, line.amountFen])).toEqual([
      ['charge', 500],
      ['payment', -1200],
      ['withdrawal', 300],
    ]);
  });

  it('issues a month only after it ends in Shanghai, once, and catches up every month missed', () => {
    const refusal = refusalOf(() => run([...october, issueThrough('2026-10', '2026-10-31T15:59:59Z')]));
    expect([refusal.code, refusal.field, refusal.details]).toEqual(['STATEMENT_PERIOD_NOT_ENDED', 'period', { period: '2026-10', currentPeriod: '2026-10' }]);

    // 2026-10-31T16:00Z is 1 November 00:00 in Shanghai: October has ended.
    const { events } = run([...october, issueThrough('2026-10', '2026-10-31T16:00:00Z')]);
    expect(issuedOf(events).map((event) => event.data.period)).toEqual(['2026-10']);
    deciderSpec(statementBookDecider).given(events).when(issueThrough('2026-10', firstOfDecember)).then([]);

    // No run at the end of October, November or December: January's run issues all three, December with nothing but its balance.
    const late = run([...october, ...november, issueThrough('2026-12', '2027-01-01T01:00:00Z')]);
    expect(
      issuedOf(late.events).map((event) => [event.data.period, event.data.openingBalanceFen, event.data.closingBalanceFen, event.data.lines.length]),
    ).toEqual([
      ['2026-10', 0, 700, 3],
      ['2026-11', 700, 300, 3],
      ['2026-12', 300, 300, 0],
    ]);
    // A party with no fact at all has nothing to state.
    deciderSpec(statementBookDecider).given([]).when(issueThrough('2026-11', firstOfDecember)).then([]);
  });

  it('records each fee, reversal, payment and withdrawal once however often it is delivered', () => {
    const once = run([
      ...october,
      ...october,
      recordReversal('transfer:T1', 1000, '2026-10-31T01:00:00Z'),
      recordReversal('transfer:T1', 1000, '2026-10-31T01:00:00Z'),
    ]);
    expect(once.events.map((event) => event.type)).toEqual(['FeeChargeRecorded', 'FeeChargeRecorded', 'PaymentRecorded', 'FeeReversalRecorded']);
    expect(once.state.pending.map((line) => line.amountFen)).toEqual([500, 1000, -800, -1000]);
  });

  it('puts a fact that arrives after its month’s statement on the next statement, a reversal dated as its charge', () => {
    // October is issued (closing 700). On 3 November the transfer fee T1 (1 000 fen, charged
    // 10-30) is reversed. November's statement: opening 700, charges 500, reversals 1 000,
    // payments 1 200, withdrawals 300; closing 700 + 500 − 1 000 − 1 200 + 300 = −700 (a credit).
    const { events } = run([
      ...october,
      issueThrough('2026-10', '2026-11-01T01:00:00Z'),
      recordReversal('transfer:T1', 1000, '2026-11-03T01:00:00Z'),
      ...november,
      issueThrough('2026-11', firstOfDecember),
    ]);
    const nov = issuedOf(events)[1]!;
    expect(nov.data).toMatchObject({
      openingBalanceFen: 700,
      chargesFen: 500,
      reversalsFen: 1000,
      paymentsFen: 1200,
      withdrawalsFen: 300,
      closingBalanceFen: -700,
    });
    expect(nov.data.lines[0]).toMatchObject({ kind: 'reversal', reference: 'transfer:T1', date: '2026-10-30', amountFen: -1000 });
  });

  it('the depositor accepts or objects once per version; the warehouse resolves an objection and may reissue the latest statement with the correction', () => {
    const issued = run([...october, issueThrough('2026-10', '2026-11-01T01:00:00Z')]).events;
    deciderSpec(statementBookDecider)
      .given(issued)
      .when(review('AcceptStatement'))
      .then([
        { type: 'StatementAccepted', data: { partyId: PARTY, statementId: 'STMT-2026-10-P-HENGDA', version: 1, actor: hengda, at: '2026-11-03T02:00:00Z' } },
      ]);
    const accepted = run([review('AcceptStatement')], issued).events;
    deciderSpec(statementBookDecider).given(accepted).when(object()).thenRefusedWith('STATEMENT_ALREADY_REVIEWED');
    deciderSpec(statementBookDecider).given(issued).when(object('  ')).thenRefusedWith('FIELD_REQUIRED');
    deciderSpec(statementBookDecider).given(issued).when(resolve(false)).thenRefusedWith('STATEMENT_NOT_OBJECTED');
    deciderSpec(statementBookDecider)
      .given(issued)
      .when(review('AcceptStatement', '2026-10', { subject: 'dep-other', role: 'depositor', partyId: 'P-OTHER' }))
      .thenRefusedWith('STATEMENT_NOT_FOUND');
    deciderSpec(statementBookDecider).given(issued).when(review('AcceptStatement', '2026-09')).thenRefusedWith('STATEMENT_NOT_FOUND');
    deciderSpec(statementBookDecider)
      .given(issued)
      .when(review('AcceptStatement', '2026-10', manager))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');

    // The objection is upheld: accrual reverses T1 (1 000 fen) and the statement is reissued.
    // Version 2 by hand: opening 0; charges 500 + 1 000 = 1 500; reversals 1 000; payments 800;
    // closing 0 + 1 500 − 1 000 − 800 = −300.
    const objected = run([object(), recordReversal('transfer:T1', 1000, '2026-11-03T08:00:00Z')], issued).events;
    deciderSpec(statementBookDecider)
      .given(objected)
      .when(resolve(true, '2026-10', hengda))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
    const { events, state } = run([resolve(true)], objected);
    const reissued = issuedOf(events).at(-1)!;
    expect(reissued.data).toMatchObject({
      version: 2,
      trigger: 'reissue',
      openingBalanceFen: 0,
      chargesFen: 1500,
      reversalsFen: 1000,
      paymentsFen: 800,
      closingBalanceFen: -300,
    });
    expect(events.at(-2)).toMatchObject({ type: 'StatementObjectionResolved', data: { version: 1, reissued: true } });
    expect(state.statements.map((statement) => [statement.statementId, statement.version, statement.status])).toEqual([['STMT-2026-10-P-HENGDA', 2, 'issued']]);
    expect(state.pending).toEqual([]);

    // Once November's statement opened at October's close, October is not reissued.
    const later = run([object(), ...november, issueThrough('2026-11', firstOfDecember)], issued).events;
    deciderSpec(statementBookDecider).given(later).when(resolve(true)).thenRefusedWith('STATEMENT_NOT_LATEST');
    const kept = run([resolve(false)], later);
    expect(kept.state.statements.map((statement) => statement.status)).toEqual(['resolved', 'issued']);
  });

  it('shows a short at load-out credited to the party as a negative charge line that lowers the balance', () => {
    // By hand. November: lot L7's load-out 250 fen/t × 33 213 kg = 8 303.25 → 8 303 fen; its short of
    // 120 kg at 365 000 fen/t: 120 × 365 000 / 1000 = 43 800 fen, the warehouse's (−43 800).
    // Charges 8 303 − 43 800 = −35 497; closing 0 − 35 497 = −35 497: the party's credit.
    const lotCharge = {
      ...storageCharge('', '2026-11-09', 33_213, 250, 8_303),
      feeId: 'load_out:L7:NOTE-1',
      item: 'load_out' as const,
      receiptNumber: null,
      lotId: 'L7',
    };
    const credit = {
      ...lotCharge,
      feeId: 'over_short:L7:NOTE-1',
      item: 'over_short' as const,
      weightKg: 120,
      rateFen: 365_000,
      amountFen: -43_800,
      rateSource: 'settlement_price' as const,
      rateVersion: 0,
    };
    const { events } = run([recordCharge(lotCharge), recordCharge(credit), issueThrough('2026-11', firstOfDecember)]);
    const [nov] = issuedOf(events);
    expect(nov!.data).toMatchObject({ period: '2026-11', openingBalanceFen: 0, chargesFen: -35_497, closingBalanceFen: -35_497 });
    expect(nov!.data.lines.map((line) => [line.kind, line.reference, line.item, line.rateFen, line.amountFen])).toEqual([
      ['charge', 'load_out:L7:NOTE-1', 'load_out', 250, 8_303],
      ['charge', 'over_short:L7:NOTE-1', 'over_short', 365_000, -43_800],
    ]);
  });
});
