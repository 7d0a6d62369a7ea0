import {
  type Command,
  type Decider,
  type DomainEvent,
  localDate,
  type LocalDate,
  refuse,
  requireInstant,
  requirePositiveInteger,
  requireRole,
  requireText,
  unhandledCommand,
} from '@dw/kernel';
import type { Actor } from '../../common/domain/actor';
import { paymentIdOf } from '../../bank/domain/bank-transaction.decider';

/** What a depository bank says about money into the exchange's trading settlement account (第二十九条) for one trader. */
export interface TradingDepositNotice {
  readonly bankId: string;
  readonly bankTransactionId: string;
  readonly accountNumber: string;
  readonly payerAccountNumber: string;
  readonly amountFen: number;
  readonly valueDate: LocalDate;
}

export type NotifyTradingDeposit = Command<
  'NotifyTradingDeposit',
  Omit<TradingDepositNotice, 'valueDate'> & {
    readonly valueDate: string;
    /** The party of the trading account number (null: no such account), from the account directory. */
    readonly partyId: string | null;
    /** The bank already booked this transaction id as a payment to the warehouse (its bank-transaction stream). */
    readonly bookedAsWarehousePayment: boolean;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type TradingDepositNotified = DomainEvent<
  'TradingDepositNotified',
  TradingDepositNotice & { readonly depositId: string; readonly partyId: string; readonly at: string }
>;

/**
 * One stream per bank transaction of a trading deposit (`trading-deposit-<bankId>-<id>`), like
 * the bank part's bank-transaction streams: booked once whatever the bank repeats.
 */
export interface TradingDepositState {
  readonly notice: (TradingDepositNotice & { readonly depositId: string; readonly partyId: string }) | null;
}

export const tradingDepositDecider: Decider<NotifyTradingDeposit, TradingDepositState, TradingDepositNotified> = {
  initialState: () => ({ notice: null }),
  evolve(_state, event) {
    const { at: _at, ...notice } = event.data;
    return { notice };
  },
  decide(command, state) {
    switch (command.type) {
      case 'NotifyTradingDeposit':
        return notifyTradingDeposit(command, state);
      default:
        return unhandledCommand(command.type satisfies never);
    }
  },
};

/** The fields two notices of one transaction must agree on. */
export function differingDepositFields(recorded: TradingDepositNotice, notified: TradingDepositNotice): string[] {
  return (['accountNumber', 'payerAccountNumber', 'amountFen', 'valueDate'] as const).filter((field) => recorded[field] !== notified[field]);
}

/**
 * A deposit is booked once per (bank, bank transaction id) — its id is the bank part's payment
 * id of that transaction; the same notice again answers the same; other content under the id, or
 * an id the bank already used for a payment to the warehouse, is a conflict.
 */
function notifyTradingDeposit(command: NotifyTradingDeposit, state: TradingDepositState): TradingDepositNotified[] {
  // rule TRADE-DEPOSIT-ONCE
  const { actor, partyId, bookedAsWarehousePayment } = command.data;
  requireRole(actor, ['bank'], 'notify trading deposits');
  const at = requireInstant(command.data.at, 'at');
  const notified: TradingDepositNotice = {
    bankId: requireText(command.data.bankId, 'bankId'),
    bankTransactionId: requireText(command.data.bankTransactionId, 'bankTransactionId'),
    accountNumber: requireText(command.data.accountNumber, 'accountNumber'),
    payerAccountNumber: requireText(command.data.payerAccountNumber, 'payerAccountNumber'),
    amountFen: requirePositiveInteger(command.data.amountFen, 'amountFen'),
    valueDate: localDate(command.data.valueDate, 'valueDate'),
  };
  if (state.notice !== null) {
    const differs = differingDepositFields(state.notice, notified);
    if (differs.length === 0) return [];
    throw refuse.conflict(
      'BANK_TRANSACTION_CONFLICT',
      `bank transaction ${notified.bankTransactionId} was notified before with another ${differs.join(', ')}`,
      {
        bankTransactionId: notified.bankTransactionId,
        differs,
      },
    );
  }
  if (bookedAsWarehousePayment) {
    throw refuse.conflict('BANK_TRANSACTION_CONFLICT', `bank transaction ${notified.bankTransactionId} is already booked as a payment to the warehouse`, {
      bankTransactionId: notified.bankTransactionId,
      differs: ['kind'],
    });
  }
  if (partyId === null) {
    throw refuse.notFound('TRADING_ACCOUNT_NOT_FOUND', `no trading account ${notified.accountNumber}`, { accountNumber: notified.accountNumber });
  }
  return [{ type: 'TradingDepositNotified', data: { ...notified, depositId: paymentIdOf(notified.bankId, notified.bankTransactionId), partyId, at } }];
}
