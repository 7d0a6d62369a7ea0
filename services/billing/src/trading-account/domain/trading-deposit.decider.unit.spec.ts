import { deciderSpec } from '@dw/testing';
import { bank, exchange } from './trading-account.fixtures.spec-helper';
import { tradingDepositDecider, type NotifyTradingDeposit, type TradingDepositNotified } from './trading-deposit.decider';

const at = '2026-12-07T02:00:00Z';
const notice = {
  bankId: 'bank-icbc',
  bankTransactionId: 'TX-1',
  accountNumber: 'SC-0001',
  payerAccountNumber: '6222',
  amountFen: 10_000,
  valueDate: '2026-12-07',
};
const notify = (overrides: Partial<NotifyTradingDeposit['data']> = {}): NotifyTradingDeposit => ({
  type: 'NotifyTradingDeposit',
  data: { ...notice, partyId: 'P-HENGDA', bookedAsWarehousePayment: false, actor: bank, at, ...overrides },
});
const notified: TradingDepositNotified = {
  type: 'TradingDepositNotified',
  data: { ...notice, valueDate: notice.valueDate as never, depositId: 'bank-payment:bank-icbc:TX-1', partyId: 'P-HENGDA', at },
};
const spec = deciderSpec(tradingDepositDecider);

describe('trading deposit decider', () => {
  it('books a bank transaction once; the same notice answers the same, other content or a warehouse payment’s id is a conflict', () => {
    spec.given([]).when(notify()).then([notified]);
    spec.given([notified]).when(notify()).then([]);
    spec
      .given([notified])
      .when(notify({ amountFen: 10_001 }))
      .thenRefusedWith('BANK_TRANSACTION_CONFLICT', { differs: ['amountFen'] });
    spec
      .given([])
      .when(notify({ bookedAsWarehousePayment: true }))
      .thenRefusedWith('BANK_TRANSACTION_CONFLICT');
    spec
      .given([])
      .when(notify({ partyId: null }))
      .thenRefusedWith('TRADING_ACCOUNT_NOT_FOUND');
    spec
      .given([])
      .when(notify({ actor: exchange }))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });
});
