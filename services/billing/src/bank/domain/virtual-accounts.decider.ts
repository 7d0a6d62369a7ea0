import { type Command, type Decider, type DomainEvent, refuse, requireInstant, requireText, unhandledCommand } from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';
import { virtualAccountNumberOf } from './virtual-account-number';

export type AssignVirtualAccount = Command<
  'AssignVirtualAccount',
  { readonly bankId: string; readonly partyId: string; readonly actor: Actor; readonly at: string }
>;
export type VirtualAccountCommand = AssignVirtualAccount;

export type VirtualAccountAssigned = DomainEvent<
  'VirtualAccountAssigned',
  { readonly bankId: string; readonly partyId: string; readonly virtualAccount: string; readonly actor: Actor; readonly at: string }
>;
export type VirtualAccountEvent = VirtualAccountAssigned;

/** One stream per bank: every virtual account assigned there, so a number is never given twice. */
export interface VirtualAccountsState {
  readonly byParty: Readonly<Record<string, string>>;
  readonly byNumber: Readonly<Record<string, string>>;
  readonly assigned: number;
}

export const virtualAccountsDecider: Decider<VirtualAccountCommand, VirtualAccountsState, VirtualAccountEvent> = {
  initialState: () => ({ byParty: {}, byNumber: {}, assigned: 0 }),

  evolve(state, event) {
    const { partyId, virtualAccount } = event.data;
    return {
      byParty: { ...state.byParty, [partyId]: virtualAccount },
      byNumber: { ...state.byNumber, [virtualAccount]: partyId },
      assigned: state.assigned + 1,
    };
  },

  decide(command, state) {
    switch (command.type) {
      case 'AssignVirtualAccount':
        return assignVirtualAccount(command, state);
      default:
        return unhandledCommand(command.type satisfies never);
    }
  },
};

/** A manager gives a depositor its virtual account at a bank: one per party per bank, numbered in assignment order. */
function assignVirtualAccount(command: AssignVirtualAccount, state: VirtualAccountsState): VirtualAccountEvent[] {
  // rule BILL-BANK-VIRTUAL-ACCOUNT
  const { actor } = command.data;
  requireRole(actor, ['manager'], 'assign virtual accounts');
  const bankId = requireText(command.data.bankId, 'bankId');
  const partyId = requireText(command.data.partyId, 'partyId');
  const at = requireInstant(command.data.at, 'at');
  const existing = state.byParty[partyId];
  if (existing !== undefined) {
    throw refuse.conflict('VIRTUAL_ACCOUNT_EXISTS', `${partyId} already has virtual account ${existing} at ${bankId}`, {
      bankId,
      partyId,
      virtualAccount: existing,
    });
  }
  return [{ type: 'VirtualAccountAssigned', data: { bankId, partyId, virtualAccount: virtualAccountNumberOf(state.assigned + 1), actor, at } }];
}

/** The party a virtual account at this bank belongs to; null for a number never assigned here. */
export function partyOfVirtualAccount(state: VirtualAccountsState, virtualAccount: string): string | null {
  return state.byNumber[virtualAccount] ?? null;
}
