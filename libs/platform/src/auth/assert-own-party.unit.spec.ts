import { DomainError, refuse } from '@dw/kernel';
import { assertOwnParty, listScopeOf } from './assert-own-party';

describe('assertOwnParty', () => {
  const missing = () => refuse.notFound('CARD_NOT_FOUND', 'no storage card SC000001', { cardNumber: 'SC000001' });

  it('lets a depositor act on its own party', () => {
    expect(() => assertOwnParty({ subject: 'u1', roles: ['depositor'], partyId: 'P1' }, 'P1', missing)).not.toThrow();
  });

  it.each(['operator', 'clerk', 'gate_guard', 'manager', 'ops'] as const)('lets staff (%s) act for any party', (role) => {
    expect(() => assertOwnParty({ subject: 's1', roles: [role] }, 'P1', missing)).not.toThrow();
  });

  it.each([
    ['another party', { subject: 'u2', roles: ['depositor' as const], partyId: 'P2' }],
    ['no party at all', { subject: 'u3', roles: ['depositor' as const] }],
    ['an integration client', { subject: 'exchange', roles: ['exchange' as const] }],
  ])('answers %s exactly as a missing thing (404, same code and message), never naming the owner', (_case, principal) => {
    let refusal: unknown;
    try {
      assertOwnParty(principal, 'P1', missing);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    const asMissing = missing();
    expect(refusal).toMatchObject({ code: asMissing.code, kind: 'not_found', message: asMissing.message, details: asMissing.details });
    expect(JSON.stringify(refusal)).not.toContain('P1');
  });
});

describe('listScopeOf', () => {
  it('lets staff list every party’s records (no scope), and holds anyone else to its own party, a party-less caller to none', () => {
    for (const role of ['operator', 'clerk', 'gate_guard', 'manager', 'ops'] as const) expect(listScopeOf({ subject: 's', roles: [role] })).toBeNull();
    expect(listScopeOf({ subject: 'd', roles: ['depositor'], partyId: 'P1' })).toBe('P1');
    expect(listScopeOf({ subject: 'd', roles: ['depositor'] })).toBe('');
  });
});
