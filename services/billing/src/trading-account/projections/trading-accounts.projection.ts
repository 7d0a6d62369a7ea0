import type { Projection } from '@dw/projections';
import { tradingAccountDecider } from '../domain/trading-account.decider';
import type { TradingAccountEvent } from '../domain/trading-account.events';
import type { TradingAccountState } from '../domain/trading-account.state';
import { buyerInvoiceMonthOf } from '../domain/trading-money';
import { partyOfTradingAccountStream } from '../trading-streams';

const EVENT_TYPES: readonly TradingAccountEvent['type'][] = [
  'TradingAccountOpened',
  'TradingBankAccountChanged',
  'TradingAccountClosed',
  'TradingSuspended',
  'TradingReinstated',
  'TradingDepositBooked',
  'TakePaymentDebited',
  'TakeProceedsCredited',
  'TradingInvoiceReceived',
  'InvoiceDepositReleased',
  'WithdrawalsFrozen',
  'WithdrawalsUnfrozen',
  'TradingWithdrawalApproved',
  'TradingWithdrawalPaid',
  'TradingWithdrawalReturned',
  'CollectedFeePayable',
  'SettlementReportIssued',
  'SettlementReportObjected',
];

/**
 * Each trader's trading account as its stream folds (the decider's own `evolve`, so the read
 * model can never disagree with the account), with the figures people ask for as columns, and
 * its sales (the invoice deposits and VAT invoices) and daily settlement reports as rows.
 */
export const tradingAccountsProjection: Projection<
  'trading_accounts' | 'trading_sales' | 'trading_settlement_reports' | 'trading_withdrawals',
  TradingAccountEvent
> = {
  name: 'trading_accounts',
  tables: {
    trading_accounts: (t) => `CREATE TABLE ${t} (
      party_id text PRIMARY KEY,
      account_number text NOT NULL,
      status text NOT NULL,
      balance_fen bigint NOT NULL,
      invoice_deposits_fen bigint NOT NULL,
      in_transit_fen bigint NOT NULL,
      state jsonb NOT NULL
    )`,
    trading_sales: (t) => `CREATE TABLE ${t} (
      take_id text PRIMARY KEY,
      seller_party_id text NOT NULL,
      buyer_party_id text NOT NULL,
      trade_day date NOT NULL,
      proceeds_fen bigint NOT NULL,
      invoice_deposit_fen bigint NOT NULL,
      invoice_due_day date NOT NULL,
      buyer_invoice_month text NOT NULL,
      invoice_number text,
      invoice_received_on date,
      verify_by date,
      status text NOT NULL,
      days_late integer,
      penalty_fen bigint,
      released_fen bigint
    )`,
    trading_withdrawals: (t) => `CREATE TABLE ${t} (
      withdrawal_id text PRIMARY KEY,
      party_id text NOT NULL,
      account_number text NOT NULL,
      amount_fen bigint NOT NULL,
      payee jsonb NOT NULL,
      trading_day date NOT NULL,
      status text NOT NULL,
      approved_at timestamptz NOT NULL,
      bank_transaction_id text
    )`,
    trading_settlement_reports: (t) => `CREATE TABLE ${t} (
      party_id text NOT NULL,
      trading_day date NOT NULL,
      previous_balance_fen bigint NOT NULL,
      figures jsonb NOT NULL,
      balance_fen bigint NOT NULL,
      withdrawable_fen bigint NOT NULL,
      objection_deadline timestamptz NOT NULL,
      objection text,
      issued_at timestamptz NOT NULL,
      PRIMARY KEY (party_id, trading_day)
    )`,
  },
  eventTypes: EVENT_TYPES,
  async apply(tx, events, tables) {
    for (const event of events) {
      const partyId = partyOfTradingAccountStream(event.streamId);
      if (partyId === null) continue;
      const { rows } = await tx.query<{ state: TradingAccountState }>(`SELECT state FROM ${tables.trading_accounts} WHERE party_id = $1`, [partyId]);
      const state = tradingAccountDecider.evolve(rows[0]?.state ?? tradingAccountDecider.initialState(), event);
      await tx.query(
        `INSERT INTO ${tables.trading_accounts} (party_id, account_number, status, balance_fen, invoice_deposits_fen, in_transit_fen, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (party_id) DO UPDATE SET account_number = EXCLUDED.account_number, status = EXCLUDED.status, balance_fen = EXCLUDED.balance_fen,
           invoice_deposits_fen = EXCLUDED.invoice_deposits_fen, in_transit_fen = EXCLUDED.in_transit_fen, state = EXCLUDED.state`,
        [partyId, state.accountNumber ?? '', state.status, state.balanceFen, state.invoiceDepositsHeldFen, state.inTransitFen, JSON.stringify(state)],
      );
      switch (event.type) {
        case 'TakeProceedsCredited': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${tables.trading_sales} (take_id, seller_party_id, buyer_party_id, trade_day, proceeds_fen, invoice_deposit_fen, invoice_due_day, buyer_invoice_month, status)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'awaiting')`,
            [d.takeId, partyId, d.buyerPartyId, d.tradeDay, d.proceedsFen, d.invoiceDepositFen, d.invoiceDueDay, buyerInvoiceMonthOf(d.tradeDay)],
          );
          break;
        }
        case 'TradingInvoiceReceived':
          await tx.query(
            `UPDATE ${tables.trading_sales} SET invoice_number = $2, invoice_received_on = $3, verify_by = $4, status = 'received' WHERE take_id = $1`,
            [event.data.takeId, event.data.invoiceNumber, event.data.receivedOn, event.data.verifyBy],
          );
          break;
        case 'InvoiceDepositReleased':
          await tx.query(`UPDATE ${tables.trading_sales} SET status = $2, days_late = $3, penalty_fen = $4, released_fen = $5 WHERE take_id = $1`, [
            event.data.takeId,
            event.data.outcome,
            event.data.daysLate,
            event.data.penaltyFen,
            event.data.releasedFen,
          ]);
          break;
        case 'SettlementReportIssued': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${tables.trading_settlement_reports}
               (party_id, trading_day, previous_balance_fen, figures, balance_fen, withdrawable_fen, objection_deadline, issued_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [partyId, d.tradingDay, d.previousBalanceFen, JSON.stringify(d.figures), d.balanceFen, d.withdrawableFen, d.objectionDeadline, d.at],
          );
          break;
        }
        case 'TradingWithdrawalApproved': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${tables.trading_withdrawals} (withdrawal_id, party_id, account_number, amount_fen, payee, trading_day, status, approved_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'approved', $7)`,
            [d.withdrawalId, partyId, state.accountNumber ?? '', d.amountFen, JSON.stringify(d.payee), d.tradingDay, d.at],
          );
          break;
        }
        case 'TradingWithdrawalPaid':
          await tx.query(`UPDATE ${tables.trading_withdrawals} SET status = 'paid', bank_transaction_id = $2 WHERE withdrawal_id = $1`, [
            event.data.withdrawalId,
            event.data.bankTransactionId,
          ]);
          break;
        case 'TradingWithdrawalReturned':
          await tx.query(`UPDATE ${tables.trading_withdrawals} SET status = 'returned' WHERE withdrawal_id = $1`, [event.data.withdrawalId]);
          break;
        case 'SettlementReportObjected':
          await tx.query(`UPDATE ${tables.trading_settlement_reports} SET objection = $3 WHERE party_id = $1 AND trading_day = $2`, [
            partyId,
            event.data.tradingDay,
            event.data.reason,
          ]);
          break;
        default:
          break;
      }
    }
  },
};
