import { refusalOf } from '@dw/testing';
import { tradingAccountDecider } from './trading-account.decider';
import { cmd, run, settlementAccount, trader } from './trading-account.fixtures.spec-helper';

describe('trading account decider: opening and deposits', () => {
  it('opens one account per trader numbered as its storage card; a repeat changes nothing, another number is refused', () => {
    const { state, events, refusals } = run([cmd.open('P-HENGDA', 'SC-0001'), cmd.open('P-HENGDA', 'SC-0001'), cmd.open('P-HENGDA', 'SC-0009')]);
    expect(events.map((event) => event.type)).toEqual(['TradingAccountOpened']);
    expect(refusals).toEqual({ 2: 'TRADING_ACCOUNT_NUMBER_FIXED' });
    expect(state).toMatchObject({ accountNumber: 'SC-0001', status: 'open', bankAccount: settlementAccount, balanceFen: 0 });
  });

  it('books a deposit from the bank settlement account on record once per bank transaction, in the trading day it arrives in', () => {
    // Mon 12-07 10:00 Shanghai (02:00Z): settled on Mon 12-07. Mon 12-07 16:00 Shanghai (08:00Z), after the 15:00 close:
    // settled on Tue 12-08. Sat 12-12: settled on Mon 12-14.
    const { state, events, refusals } = run([
      cmd.open('P-HENGDA', 'SC-0001'),
      cmd.deposit('D-1', 1_000_000, '2026-12-07T02:00:00Z'),
      cmd.deposit('D-1', 1_000_000, '2026-12-07T02:05:00Z'),
      cmd.deposit('D-2', 500, '2026-12-07T08:00:00Z'),
      cmd.deposit('D-3', 7, '2026-12-12T02:00:00Z'),
      cmd.deposit('D-4', 100, '2026-12-07T03:00:00Z', '999'),
    ]);
    expect(events.filter((event) => event.type === 'TradingDepositBooked').map((event) => [event.data.depositId, event.data.tradingDay])).toEqual([
      ['D-1', '2026-12-07'],
      ['D-2', '2026-12-08'],
      ['D-3', '2026-12-14'],
    ]);
    expect(refusals).toEqual({ 5: 'TRADING_DEPOSIT_NOT_FROM_SETTLEMENT_ACCOUNT' });
    // 1 000 000 + 500 + 7 = 1 000 507 fen.
    expect(state.balanceFen).toBe(1_000_507);
    expect(refusalOf(() => tradingAccountDecider.decide(cmd.deposit('D-9', 1, '2026-12-07T02:00:00Z'), tradingAccountDecider.initialState())).code).toBe(
      'TRADING_ACCOUNT_NOT_FOUND',
    );
  });
});

describe('trading account decider: the seller’s VAT invoice and its deposit', () => {
  // S-1: traded Mon 12-07, proceeds 12 167 275 fen, no fee, deposit 20% = 2 433 455 fen, so 9 733 820 credited.
  // Due 5 trading days later: Mon 12-14. Lateness in calendar days after it.
  const sold = (tradeDay = '2026-12-07', at = '2026-12-07T03:00:00Z') => [
    cmd.open('P-HENGDA', 'SC-0001'),
    cmd.credit('S-1', 12_167_275, 0, 2_433_455, tradeDay, at),
  ];
  const releasedOf = (receivedAt: string, tradeDay?: string, creditAt?: string) => {
    const { state, events, refusals } = run([...sold(tradeDay, creditAt), cmd.invoice('S-1', '04412345', receivedAt), cmd.verify('S-1', receivedAt)]);
    expect(refusals).toEqual({});
    const released = events.find((event) => event.type === 'InvoiceDepositReleased');
    return { state, data: released?.type === 'InvoiceDepositReleased' ? released.data : null };
  };

  it('releases the deposit on verification less the late penalty of the day the invoice arrived, worked by hand across the bands', () => {
    // Received Mon 12-14, on the due day: nothing late, all 2 433 455 back; the balance is the whole 12 167 275.
    const onTime = releasedOf('2026-12-14T02:00:00Z');
    expect(onTime.data).toMatchObject({ daysLate: 0, penaltyFen: 0, releasedFen: 2_433_455, fromBalanceFen: 0, outcome: 'verified' });
    expect(onTime.state).toMatchObject({ balanceFen: 12_167_275, invoiceDepositsHeldFen: 0 });
    // Tue 12-15 and Wed 12-16: 1 and 2 days late, free.
    expect(releasedOf('2026-12-16T02:00:00Z').data).toMatchObject({ daysLate: 2, penaltyFen: 0, releasedFen: 2_433_455 });
    // Thu 12-17: 3 days late, 0.5% × 12 167 275 = 60 836.375 → 60 836; 2 433 455 − 60 836 = 2 372 619 back.
    const threeDays = releasedOf('2026-12-17T02:00:00Z');
    expect(threeDays.data).toMatchObject({ daysLate: 3, penaltyFen: 60_836, releasedFen: 2_372_619, fromBalanceFen: 0 });
    // 9 733 820 + 2 372 619 = 12 106 439 = 12 167 275 − 60 836.
    expect(threeDays.state.balanceFen).toBe(12_106_439);
    // Thu 12-24: 10 days, 8 × 0.5% = 4% = 486 691; Fri 12-25: 11 days, 4% + 1% = 5% = 608 363.75 → 608 364.
    expect(releasedOf('2026-12-24T02:00:00Z').data).toMatchObject({ daysLate: 10, penaltyFen: 486_691, releasedFen: 1_946_764 });
    expect(releasedOf('2026-12-25T02:00:00Z').data).toMatchObject({ daysLate: 11, penaltyFen: 608_364, releasedFen: 1_825_091 });
  });

  it('takes a penalty above the deposit out of the seller’s balance, and counts more than 30 days late as no invoice at 20%', () => {
    // Traded Mon 11-02, due Mon 11-09. Received Wed 12-09: 30 days late, 4% + 20 × 1% = 24% × 12 167 275 = 2 920 146:
    // the deposit (2 433 455) is all kept and 2 920 146 − 2 433 455 = 486 691 comes off the balance: 9 733 820 − 486 691 = 9 247 129.
    const thirty = releasedOf('2026-12-09T02:00:00Z', '2026-11-02', '2026-11-02T03:00:00Z');
    expect(thirty.data).toMatchObject({ daysLate: 30, penaltyFen: 2_920_146, releasedFen: 0, fromBalanceFen: 486_691 });
    expect(thirty.state.balanceFen).toBe(9_247_129);
    // Thu 12-10: 31 days, no invoice: 20% = 2 433 455, exactly the deposit; nothing back, nothing more taken.
    expect(releasedOf('2026-12-10T02:00:00Z', '2026-11-02', '2026-11-02T03:00:00Z').data).toMatchObject({
      daysLate: 31,
      penaltyFen: 2_433_455,
      releasedFen: 0,
      fromBalanceFen: 0,
    });
    // Still without an invoice: the day's settlement forfeits it once 30 days are passed (12-10), not on 12-09.
    const forfeited = run([
      ...sold('2026-11-02', '2026-11-02T03:00:00Z'),
      cmd.forfeit('2026-12-09T08:00:00Z'),
      cmd.forfeit('2026-12-10T08:00:00Z'),
      cmd.forfeit('2026-12-11T08:00:00Z'),
    ]);
    expect(forfeited.events.filter((event) => event.type === 'InvoiceDepositReleased').map((event) => event.data)).toEqual([
      expect.objectContaining({ takeId: 'S-1', daysLate: 31, penaltyFen: 2_433_455, releasedFen: 0, outcome: 'forfeited' }),
    ]);
    // A forfeited sale takes no invoice any more.
    expect(run([cmd.invoice('S-1', '04412345', '2026-12-11T02:00:00Z')], forfeited.state).refusals).toEqual({ 0: 'TRADING_INVOICE_ALREADY_RECORDED' });
  });

  it('records the invoice once, by the exchange or the seller, to verify within 2 trading days; verification is the exchange’s, after receipt', () => {
    // Received Fri 12-18: verified by Tue 12-22 (Mon 12-21, Tue 12-22).
    const { state, events, refusals } = run([
      ...sold(),
      cmd.verify('S-1', '2026-12-17T02:00:00Z'),
      cmd.invoice('S-1', '04412345', '2026-12-18T02:00:00Z', trader('P-HENGDA')),
      cmd.invoice('S-1', '04412345', '2026-12-18T03:00:00Z'),
      cmd.invoice('S-1', '04499999', '2026-12-18T03:00:00Z'),
      cmd.verify('S-1', '2026-12-18T04:00:00Z', trader('P-HENGDA')),
      cmd.invoice('S-9', '04412345', '2026-12-18T03:00:00Z'),
    ]);
    expect(refusals).toEqual({
      2: 'TRADING_INVOICE_NOT_RECEIVED',
      5: 'TRADING_INVOICE_ALREADY_RECORDED',
      6: 'ACTOR_ROLE_FORBIDDEN',
      7: 'TRADING_INVOICE_NOT_FOUND',
    });
    expect(events.filter((event) => event.type === 'TradingInvoiceReceived').map((event) => event.data)).toEqual([
      expect.objectContaining({ takeId: 'S-1', invoiceNumber: '04412345', receivedOn: '2026-12-18', verifyBy: '2026-12-22' }),
    ]);
    expect(state.invoices['S-1']).toMatchObject({ status: 'received', dueDay: '2026-12-14' });
  });
});

describe('trading account decider: withdrawals', () => {
  it('withdraws at most the balance less the fees payable today, during a session, never while frozen; each paid or returned once', () => {
    // Mon 12-07, 10:00 Shanghai (02:00Z): 1 000 000 in; 40 000 of storage payable today.
    // Withdrawable: 1 000 000 − 40 000 = 960 000.
    const { state, events, refusals } = run([
      cmd.open('P-HENGDA', 'SC-0001'),
      cmd.deposit('D-1', 1_000_000, '2026-12-07T02:00:00Z'),
      cmd.fee('F-1', 'storage', 40_000, '2026-12-07', '2026-12-07T02:10:00Z'),
      cmd.withdraw('W-1', 960_001, '2026-12-07T03:00:00Z'),
      cmd.withdraw('W-1', 960_000, '2026-12-07T03:00:00Z'),
      cmd.withdraw('W-1', 960_000, '2026-12-07T03:01:00Z'),
      cmd.withdraw('W-1', 5, '2026-12-07T03:02:00Z'),
      // 16:00 Shanghai, after the close; Saturday 12-12; 08:59 Shanghai before the open.
      cmd.withdraw('W-2', 1, '2026-12-07T08:00:00Z'),
      cmd.withdraw('W-2', 1, '2026-12-12T03:00:00Z'),
      cmd.withdraw('W-2', 1, '2026-12-08T00:59:00Z'),
      // Tue 12-08: the 40 000 still payable (not yet collected) leaves 0 withdrawable until 10 more arrive.
      cmd.deposit('D-2', 10, '2026-12-08T01:30:00Z'),
      cmd.freeze('2026-12-08T02:00:00Z', trader('P-HENGDA')),
      cmd.freeze('2026-12-08T02:00:00Z'),
      cmd.withdraw('W-3', 1, '2026-12-08T02:30:00Z'),
      cmd.unfreeze('2026-12-08T03:00:00Z'),
      cmd.withdraw('W-3', 1, '2026-12-08T03:30:00Z'),
      cmd.paid('W-1', '2026-12-08T04:00:00Z'),
      cmd.paid('W-1', '2026-12-08T04:05:00Z'),
      cmd.returned('W-1', '2026-12-08T04:10:00Z'),
      cmd.returned('W-3', '2026-12-08T04:10:00Z'),
      cmd.returned('W-9', '2026-12-08T04:10:00Z'),
    ]);
    expect(refusals).toEqual({
      3: 'TRADING_WITHDRAWAL_EXCEEDS_WITHDRAWABLE',
      6: 'TRADING_WITHDRAWAL_ID_REUSED',
      7: 'TRADING_WITHDRAWAL_OUTSIDE_SESSION',
      8: 'TRADING_WITHDRAWAL_OUTSIDE_SESSION',
      9: 'TRADING_WITHDRAWAL_OUTSIDE_SESSION',
      11: 'ACTOR_ROLE_FORBIDDEN',
      13: 'TRADING_WITHDRAWALS_FROZEN',
      18: 'TRADING_WITHDRAWAL_ALREADY_ANSWERED',
      20: 'TRADING_WITHDRAWAL_NOT_FOUND',
    });
    expect(events.map((event) => event.type).filter((type) => type.includes('Withdraw'))).toEqual([
      'TradingWithdrawalApproved',
      'WithdrawalsFrozen',
      'WithdrawalsUnfrozen',
      'TradingWithdrawalApproved',
      'TradingWithdrawalPaid',
      'TradingWithdrawalReturned',
    ]);
    // 1 000 000 + 10 − 960 000 (W-1, paid) − 1 (W-3) + 1 (W-3 returned) = 40 010; nothing in transit.
    expect(state).toMatchObject({ balanceFen: 40_010, inTransitFen: 0, withdrawalsFrozen: false });
    expect(state.withdrawals['W-1']).toMatchObject({ status: 'paid', tradingDay: '2026-12-07' });
  });
});

describe('trading account decider: the daily settlement', () => {
  it('issues the day’s report after the close by 第三十四条, deducting the fees collected, the next day carrying its balance', () => {
    // Mon 12-07 (Shanghai): 20 000 000 in at 10:00; paid T-1 12 167 275 + fee 3 334; withdrew 1 000 000;
    // storage 5 000 and transfer 3 000 payable; 100 more in at 16:00 (after the close: Tue 12-08's).
    // 0 + 20 000 000 − 12 167 275 − 1 000 000 − 3 334 − 5 000 − 3 000 = 6 821 391.
    const { state, events, refusals } = run([
      cmd.open('P-HENGDA', 'SC-0001'),
      cmd.deposit('D-1', 20_000_000, '2026-12-07T02:00:00Z'),
      cmd.debit('T-1', 12_167_275, 3_334, '2026-12-07', '2026-12-07T02:30:00Z'),
      cmd.withdraw('W-1', 1_000_000, '2026-12-07T03:00:00Z'),
      cmd.fee('F-S', 'storage', 5_000, '2026-12-07', '2026-12-07T06:00:00Z'),
      cmd.fee('F-T', 'transfer', 3_000, '2026-12-07', '2026-12-07T06:00:00Z'),
      cmd.report('2026-12-07', '2026-12-07T06:59:00Z'),
      cmd.deposit('D-2', 100, '2026-12-07T08:00:00Z'),
      cmd.report('2026-12-07', '2026-12-07T08:30:00Z'),
      cmd.report('2026-12-07', '2026-12-07T08:31:00Z'),
      // Tue 12-08: a 700 storage fee; its report carries 6 821 391 and adds 100 − 700 = 6 820 791.
      cmd.fee('F-S2', 'storage', 700, '2026-12-08', '2026-12-08T02:00:00Z'),
      cmd.report('2026-12-08', '2026-12-08T07:00:00Z'),
      cmd.report('2026-12-05', '2026-12-08T07:00:00Z'),
    ]);
    expect(refusals).toEqual({ 6: 'TRADING_DAY_NOT_CLOSED', 12: 'NOT_A_TRADING_DAY' });
    const reports = events.filter((event) => event.type === 'SettlementReportIssued').map((event) => event.data);
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatchObject({
      tradingDay: '2026-12-07',
      previousBalanceFen: 0,
      figures: {
        depositsFen: 20_000_000,
        paymentsFen: 12_167_275,
        withdrawalsFen: 1_000_000,
        tradingFeesFen: 3_334,
        storageFeesFen: 5_000,
        transferFeesFen: 3_000,
        otherFeesFen: 0,
        proceedsReceivedFen: 0,
      },
      balanceFen: 6_821_391,
      withdrawableFen: 6_821_391,
      // The next trading day's open: Tue 12-08 09:00 Shanghai = 01:00Z.
      objectionDeadline: '2026-12-08T01:00:00.000Z',
      collected: [
        { feeId: 'F-S', kind: 'storage', amountFen: 5_000 },
        { feeId: 'F-T', kind: 'transfer', amountFen: 3_000 },
      ],
    });
    expect(reports[1]).toMatchObject({
      tradingDay: '2026-12-08',
      previousBalanceFen: 6_821_391,
      figures: { depositsFen: 100, storageFeesFen: 700 },
      balanceFen: 6_820_791,
    });
    expect(state.balanceFen).toBe(6_820_791);
  });

  it('takes an objection before the next trading day’s open; after it the report stands accepted', () => {
    // Fri 12-11's report: objections until Mon 12-14 09:00 Shanghai (01:00Z).
    const base = [cmd.open('P-HENGDA', 'SC-0001'), cmd.report('2026-12-11', '2026-12-11T07:10:00Z')];
    const inTime = run([
      ...base,
      cmd.object('2026-12-11', 'fee charged twice', '2026-12-14T00:59:59Z'),
      cmd.object('2026-12-11', 'fee charged twice', '2026-12-14T00:59:59Z'),
    ]);
    expect(inTime.refusals).toEqual({});
    expect(inTime.state.reports['2026-12-11']?.objection).toBe('fee charged twice');
    expect(run([...base, cmd.object('2026-12-11', 'late', '2026-12-14T01:00:00Z')]).refusals).toEqual({ 2: 'SETTLEMENT_REPORT_ACCEPTED' });
    expect(run([...base, cmd.object('2026-12-10', 'no such', '2026-12-11T08:00:00Z')]).refusals).toEqual({ 2: 'SETTLEMENT_REPORT_NOT_FOUND' });
    expect(run([...base, cmd.object('2026-12-11', 'a', '2026-12-11T08:00:00Z'), cmd.object('2026-12-11', 'b', '2026-12-11T08:01:00Z')]).refusals).toEqual({
      3: 'SETTLEMENT_REPORT_ALREADY_OBJECTED',
    });
  });
});
