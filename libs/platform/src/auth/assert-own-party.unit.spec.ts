import { DomainError } from '@dw/kernel';
import { assertOwnParty } from './assert-own-party';

describe('assertOwnParty', () => {
  it('lets a depositor act on its own party', () => {
    expect(() => assertOwnParty({ subject: 'u1', roles: ['depositor'], partyId: 'P1' }, 'P1')).not.toThrow();
  });

  it.each(['operator', 'clerk', 'gate_guard', 'manager', 'ops'] as const)('lets staff (%s) act for any party', (role) => {
    expect(() => assertOwnParty({ subject: 's1', roles: [role] }, 'P1')).not.toThrow();
  });

  it.each([
    ['another party', { subject: 'u2', roles: ['depositor' as const], partyId: 'P2' }],
    ['no party at all', { subject: 'u3', roles: ['depositor' as const] }],
    ['an integration client', { subject: 'exchange', roles: ['exchange' as const] }],
  ])('refuses %s with 403 NOT_OWNER, without naming the owner', (_case, principal) => {
    let refusal: unknown;
    try {
      assertOwnParty(principal, 'P1');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'NOT_OWNER', kind: 'forbidden' });
    expect(JSON.stringify((refusal as DomainError).details)).not.toContain('P1');
  });
});
