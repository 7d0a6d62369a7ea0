import { refusalOf } from '@dw/testing';
import { tradingAccountDecider } from './trading-account.decider';
import { cmd, run, settlementAccount } from './trading-account.fixtures.spec-helper';

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
