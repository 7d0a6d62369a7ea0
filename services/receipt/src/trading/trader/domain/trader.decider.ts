import { type Decider, refuse, requireDistinctList, requireInstant, requireOneOf, requireText, unhandledCommand } from '@dw/kernel';
import { type Actor, requireRole } from '../../../common/domain/actor';
import { requireApprovedCard } from '../../../storage-card/domain/storage-card';
import { TRADER_CLOSURE_BASES, type Trader, type TraderBankAccount, type TraderStatus } from './trader';
import type {
  ApplyForTrading,
  ApproveTrader,
  ChangeTraderBankAccount,
  ChangeTraderPermissions,
  CloseTrader,
  RejectTrader,
  ReinstateTrader,
  RequestTraderClosure,
  SuspendTrader,
  TraderCommand,
} from './trader.commands';
import type { TraderEvent } from './trader.events';

/** One stream per depositor party (`trader-<partyId>`); null before it first applies. */
export type TraderState = Trader | null;

type Decision = TraderEvent[];

const noSuchTrader = () => refuse.notFound('TRADER_NOT_FOUND', 'no such trader');

function existing(state: TraderState): Trader {
  if (!state) throw noSuchTrader();
  return state;
}

/** The trader itself, as its own party; another depositor's trader answers as a missing one. */
function ownTrader(state: TraderState, actor: Actor, action: string): Trader {
  requireRole(actor, ['depositor'], action);
  const trader = existing(state);
  if (actor.partyId !== trader.partyId) throw noSuchTrader();
  return trader;
}

function requireStatus(trader: Trader, allowed: readonly TraderStatus[], code: string): void {
  if (!allowed.includes(trader.status)) {
    throw refuse.conflict(code, `trader ${trader.partyId} is ${trader.status}, not ${allowed.join(' or ')}`, {
      partyId: trader.partyId,
      status: trader.status,
    });
  }
}

/** The commodities asked for: a list without repeats, each one the exchange trades on the platform (第四条). */
function tradedCommodities(commodities: readonly string[], traded: readonly string[]): string[] {
  // rule TRADE-TRADER-COMMODITIES
  const list = requireDistinctList(commodities, 'commodities');
  list.forEach((commodity, index) => {
    if (!traded.includes(commodity)) {
      throw refuse.invalid('COMMODITY_NOT_TRADED', `the exchange does not trade ${commodity} on the platform`, `commodities[${index}]`, { commodity });
    }
  });
  return list;
}

function bankAccountOf(account: TraderBankAccount | undefined): TraderBankAccount {
  // rule TRADE-TRADER-BANK-ACCOUNT
  return {
    accountName: requireText(account?.accountName, 'bankAccount.accountName'),
    accountNumber: requireText(account?.accountNumber, 'bankAccount.accountNumber'),
    bank: requireText(account?.bank, 'bankAccount.bank'),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value) => b.includes(value));

function applyForTrading(command: ApplyForTrading, state: TraderState): Decision {
  // rule TRADE-TRADER-APPLY-OWN-CARD
  const { actor, at, partyId, card } = command.data;
  requireRole(actor, ['depositor'], 'apply to trade receipts');
  if (actor.partyId !== partyId) {
    throw refuse.forbidden('OWN_PARTY_ONLY', 'a depositor applies to trade in its own party’s name only', { field: 'partyId' });
  }
  const cardNumber = requireText(command.data.cardNumber, 'storageCard');
  // Another party's card answers exactly as a missing one: card numbers are not probed for holders.
  if (!card || card.ownerPartyId !== partyId || card.cardNumber !== cardNumber) {
    throw refuse.notFound('CARD_NOT_FOUND', 'storageCard: no such storage card', { field: 'storageCard' });
  }
  requireApprovedCard(card, 'storageCard');
  // rule TRADE-ONE-ACCOUNT-PER-TRADER
  if (state && state.status !== 'rejected' && state.status !== 'closed') {
    throw refuse.conflict('TRADER_ALREADY_APPLIED', `party ${partyId} is already a trader (${state.status}) with account ${state.accountNumber}`, {
      partyId,
      status: state.status,
      accountNumber: state.accountNumber,
    });
  }
  const name = requireText(command.data.name, 'name');
  const commodities = tradedCommodities(command.data.commodities, command.data.tradedCommodities);
  const bankAccount = bankAccountOf(command.data.bankAccount);
  return [{ type: 'TraderQualificationApplied', data: { partyId, accountNumber: card.cardNumber, name, commodities, bankAccount, actor, at } }];
}

function approveTrader(command: ApproveTrader, state: TraderState): Decision {
  // rule TRADE-TRADER-QUALIFIED
  const { actor, at } = command.data;
  requireRole(actor, ['exchange'], 'approve a trader');
  const trader = existing(state);
  requireStatus(trader, ['applied'], 'TRADER_NOT_PENDING');
  return [{ type: 'TraderApproved', data: { partyId: trader.partyId, actor, at } }];
}

function rejectTrader(command: RejectTrader, state: TraderState): Decision {
  // rule TRADE-TRADER-QUALIFIED
  const { actor, at } = command.data;
  requireRole(actor, ['exchange'], 'reject a trader');
  const reason = requireText(command.data.reason, 'reason');
  const trader = existing(state);
  requireStatus(trader, ['applied'], 'TRADER_NOT_PENDING');
  return [{ type: 'TraderRejected', data: { partyId: trader.partyId, reason, actor, at } }];
}

function changeTraderPermissions(command: ChangeTraderPermissions, state: TraderState): Decision {
  // rule TRADE-TRADER-COMMODITIES
  const { actor, at } = command.data;
  requireRole(actor, ['exchange'], 'change a trader’s commodities');
  const trader = existing(state);
  requireStatus(trader, ['approved', 'suspended'], 'TRADER_NOT_OPEN');
  const commodities = tradedCommodities(command.data.commodities, command.data.tradedCommodities);
  if (sameSet(commodities, trader.commodities)) return [];
  return [{ type: 'TraderPermissionsChanged', data: { partyId: trader.partyId, commodities, actor, at } }];
}

function changeTraderBankAccount(command: ChangeTraderBankAccount, state: TraderState): Decision {
  // rule TRADE-TRADER-BANK-ACCOUNT
  const { actor, at } = command.data;
  const trader = ownTrader(state, actor, 'change a trader’s bank settlement account');
  requireStatus(trader, ['applied', 'approved', 'suspended'], 'TRADER_NOT_OPEN');
  const bankAccount = bankAccountOf(command.data.bankAccount);
  const current = trader.bankAccount;
  if (current.accountName === bankAccount.accountName && current.accountNumber === bankAccount.accountNumber && current.bank === bankAccount.bank) return [];
  return [{ type: 'TraderBankAccountChanged', data: { partyId: trader.partyId, bankAccount, actor, at } }];
}

function suspendTrader(command: SuspendTrader, state: TraderState): Decision {
  // rule TRADE-TRADER-SUSPENSION
  const { actor, at } = command.data;
  requireRole(actor, ['exchange'], 'suspend a trader');
  const reason = requireText(command.data.reason, 'reason');
  const trader = existing(state);
  requireStatus(trader, ['approved'], 'TRADER_NOT_APPROVED');
  return [{ type: 'TraderSuspended', data: { partyId: trader.partyId, reason, actor, at } }];
}

function reinstateTrader(command: ReinstateTrader, state: TraderState): Decision {
  // rule TRADE-TRADER-SUSPENSION
  const { actor, at } = command.data;
  requireRole(actor, ['exchange'], 'reinstate a trader');
  const trader = existing(state);
  requireStatus(trader, ['suspended'], 'TRADER_NOT_SUSPENDED');
  return [{ type: 'TraderReinstated', data: { partyId: trader.partyId, actor, at } }];
}

function requestTraderClosure(command: RequestTraderClosure, state: TraderState): Decision {
  // rule TRADE-TRADER-CLOSE
  const { actor, at } = command.data;
  const trader = ownTrader(state, actor, 'ask to cancel a trader’s qualification');
  const reason = requireText(command.data.reason, 'reason');
  requireStatus(trader, ['approved', 'suspended'], 'TRADER_NOT_OPEN');
  // Asking again while the first request waits changes nothing.
  if (trader.closureRequested) return [];
  return [{ type: 'TraderClosureRequested', data: { partyId: trader.partyId, reason, actor, at } }];
}

function closeTrader(command: CloseTrader, state: TraderState): Decision {
  // rule TRADE-TRADER-CLOSE
  const { actor, at } = command.data;
  requireRole(actor, ['exchange'], 'close a trader');
  const reason = requireText(command.data.reason, 'reason');
  const basis = requireOneOf(command.data.basis, TRADER_CLOSURE_BASES, 'basis');
  const trader = existing(state);
  requireStatus(trader, ['approved', 'suspended'], 'TRADER_NOT_OPEN');
  if (basis === 'request' && !trader.closureRequested) {
    throw refuse.conflict('TRADER_CLOSURE_NOT_REQUESTED', `trader ${trader.partyId} has not asked to cancel its qualification`, {
      partyId: trader.partyId,
      field: 'basis',
    });
  }
  return [{ type: 'TraderClosed', data: { partyId: trader.partyId, reason, basis, actor, at } }];
}

function withStatus(state: TraderState, status: TraderStatus): TraderState {
  return state && { ...state, status };
}

export const traderDecider: Decider<TraderCommand, TraderState, TraderEvent> = {
  initialState: () => null,

  evolve(state, event) {
    switch (event.type) {
      case 'TraderQualificationApplied': {
        const { partyId, accountNumber, name, commodities, bankAccount } = event.data;
        return { partyId, accountNumber, name, commodities, bankAccount, status: 'applied', closureRequested: false };
      }
      case 'TraderApproved':
      case 'TraderReinstated':
        return withStatus(state, 'approved');
      case 'TraderRejected':
        return withStatus(state, 'rejected');
      case 'TraderSuspended':
        return withStatus(state, 'suspended');
      case 'TraderPermissionsChanged':
        return state && { ...state, commodities: event.data.commodities };
      case 'TraderBankAccountChanged':
        return state && { ...state, bankAccount: event.data.bankAccount };
      case 'TraderClosureRequested':
        return state && { ...state, closureRequested: true };
      case 'TraderClosed':
        return state && { ...state, status: 'closed', closureRequested: false };
    }
  },

  decide(command, state) {
    requireInstant(command.data.at, 'at');
    switch (command.type) {
      case 'ApplyForTrading':
        return applyForTrading(command, state);
      case 'ApproveTrader':
        return approveTrader(command, state);
      case 'RejectTrader':
        return rejectTrader(command, state);
      case 'ChangeTraderPermissions':
        return changeTraderPermissions(command, state);
      case 'ChangeTraderBankAccount':
        return changeTraderBankAccount(command, state);
      case 'SuspendTrader':
        return suspendTrader(command, state);
      case 'ReinstateTrader':
        return reinstateTrader(command, state);
      case 'RequestTraderClosure':
        return requestTraderClosure(command, state);
      case 'CloseTrader':
        return closeTrader(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};
