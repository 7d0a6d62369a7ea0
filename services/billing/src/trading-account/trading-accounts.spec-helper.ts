import { waitFor } from '@dw/testing';
import { BANK, type Answer, type BillingTestApp, manager } from '../testing/billing-test-app.spec-helper';
import type { TestTrader } from './trading-messages.spec-helper';

/** Waits until a trader's trading account (as the manager reads it) is what `wanted` looks for; the read model follows the log. */
export const tradingAccountWhere = (app: BillingTestApp, partyId: string, describe: string, wanted: (body: Answer['body']) => boolean) =>
  waitFor(
    async () => {
      const answer = await app.as(manager, 'GET', `/trading-accounts/${partyId}`);
      return answer.status === 200 && wanted(answer.body) ? answer.body : undefined;
    },
    { timeoutMs: 60_000, describe },
  );

/** The depository bank's notice of a trader's deposit from its bank settlement account, on Mon 2026-12-07. */
export const tradingDepositOf = (app: BillingTestApp, trader: TestTrader, bankTransactionId: string, amountFen: number) =>
  app.signed(BANK, 'POST', '/integration/bank/trading-deposits', {
    bankTransactionId,
    accountNumber: trader.accountNumber,
    payerAccountNumber: trader.bankAccountNumber,
    amountFen,
    valueDate: '2026-12-07',
  });
