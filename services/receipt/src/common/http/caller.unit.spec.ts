import { DomainError } from '@dw/kernel';
import { actorOf } from './caller';

describe('actorOf: the domain actor of an authenticated caller', () => {
  it('acts in the first allowed role the caller holds, with a person’s party', () => {
    expect(actorOf({ subject: 'u-1', roles: ['ops', 'manager', 'clerk'] }, ['clerk', 'manager'])).toEqual({ subject: 'u-1', role: 'clerk' });
    expect(actorOf({ subject: 'u-2', roles: ['depositor'], partyId: 'P-1' }, ['depositor'])).toEqual({ subject: 'u-2', role: 'depositor', partyId: 'P-1' });
  });

  it('makes an integration client its own party, so holds name it and only it can lift them', () => {
    expect(actorOf({ subject: 'court-pudong', roles: ['court'], name: 'Pudong' }, ['exchange', 'court'])).toEqual({
      subject: 'court-pudong',
      role: 'court',
      partyId: 'court-pudong',
    });
  });

  it('refuses a caller with none of the roles (ACTOR_ROLE_FORBIDDEN), e.g. ops on a depositor’s act', () => {
    let error: unknown;
    try {
      actorOf({ subject: 'ops-1', roles: ['ops'] }, ['depositor']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('ACTOR_ROLE_FORBIDDEN');
  });
});
