import { type Command, type Decider, type DomainEvent, refuse, requireText, unhandledCommand } from '@dw/kernel';

/**
 * The trading account numbers (第十条: one account per trader, numbered as its storage card), one
 * stream for all: a bank names the account number, and the directory gives its trader, with no
 * read model in between.
 */
export type RegisterTradingAccountNumber = Command<
  'RegisterTradingAccountNumber',
  { readonly accountNumber: string; readonly partyId: string; readonly at: string }
>;
export type TradingAccountNumberRegistered = DomainEvent<
  'TradingAccountNumberRegistered',
  { readonly accountNumber: string; readonly partyId: string; readonly at: string }
>;

export interface TradingAccountDirectoryState {
  readonly partyByNumber: Readonly<Record<string, string>>;
}

export const tradingAccountDirectoryDecider: Decider<RegisterTradingAccountNumber, TradingAccountDirectoryState, TradingAccountNumberRegistered> = {
  initialState: () => ({ partyByNumber: {} }),
  evolve: (state, event) => ({ partyByNumber: { ...state.partyByNumber, [event.data.accountNumber]: event.data.partyId } }),
  decide(command, state) {
    switch (command.type) {
      case 'RegisterTradingAccountNumber':
        return registerTradingAccountNumber(command, state);
      default:
        return unhandledCommand(command.type satisfies never);
    }
  },
};

/** An account number names one trader only. */
function registerTradingAccountNumber(command: RegisterTradingAccountNumber, state: TradingAccountDirectoryState): TradingAccountNumberRegistered[] {
  // rule TRADE-ACCOUNT-ONE-PER-TRADER
  const accountNumber = requireText(command.data.accountNumber, 'accountNumber');
  const partyId = requireText(command.data.partyId, 'partyId');
  const holder = state.partyByNumber[accountNumber];
  if (holder === partyId) return [];
  if (holder !== undefined) {
    throw refuse.conflict('TRADING_ACCOUNT_NUMBER_TAKEN', `trading account ${accountNumber} belongs to another trader`, { accountNumber });
  }
  return [{ type: 'TradingAccountNumberRegistered', data: { accountNumber, partyId, at: command.data.at } }];
}
