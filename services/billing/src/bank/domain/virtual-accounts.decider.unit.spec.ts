import { deciderSpec } from '@dw/testing';
import type { Actor } from '../../common/domain/actor';
import { partyOfVirtualAccount, virtualAccountsDecider, type VirtualAccountEvent } from './virtual-accounts.decider';
import { foldEvents } from '@dw/kernel';

const manager: Actor = { subject: 'mgr-qian', role: 'manager' };
const at = '2026-12-07T02:00:00Z';
const assign = (partyId: string, actor: Actor = manager) => ({ type: 'AssignVirtualAccount' as const, data: { bankId: 'bank-icbc', partyId, actor, at } });
const assigned = (partyId: string, virtualAccount: string): VirtualAccountEvent => ({
  type: 'VirtualAccountAssigned',
  data: { bankId: 'bank-icbc', partyId, virtualAccount, actor: manager, at },
});

const spec = deciderSpec(virtualAccountsDecider);

describe('virtual accounts decider', () => {
  it('gives each party one virtual account per bank, numbered in assignment order', () => {
    // 1st: 88 000000001 + check 3; 2nd: payload 88000000002: 2→4, 8, 8→7: sum 19 → check 1.
    spec
      .given([])
      .when(assign('P-HENGDA'))
      .then([assigned('P-HENGDA', '880000000013')]);
    spec
      .given([assigned('P-HENGDA', '880000000013')])
      .when(assign('P-OTHER'))
      .then([assigned('P-OTHER', '880000000021')]);
    spec
      .given([assigned('P-HENGDA', '880000000013')])
      .when(assign('P-HENGDA'))
      .thenRefusedWith('VIRTUAL_ACCOUNT_EXISTS', { virtualAccount: '880000000013' });
    spec
      .given([])
      .when(assign('P-HENGDA', { subject: 'clerk-li', role: 'clerk' }))
      .thenRefusedWith('ACTOR_ROLE_FORBIDDEN');
  });

  it('finds the party of a virtual account at the bank, and none for a number not assigned there', () => {
    const state = foldEvents(virtualAccountsDecider, [assigned('P-HENGDA', '880000000013')]);
    expect(partyOfVirtualAccount(state, '880000000013')).toBe('P-HENGDA');
    expect(partyOfVirtualAccount(state, '880000000021')).toBeNull();
  });
});
