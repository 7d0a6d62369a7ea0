import { ManualClock } from '@dw/kernel';
import { callerContextOf } from './caller';

describe('callerContextOf', () => {
  const clock = new ManualClock('2025-03-04T02:30:00Z');

  it('stamps the caller, the clock and the correlation id', () => {
    const context = callerContextOf({ principal: { subject: 'trader-a', roles: ['depositor'], partyId: 'P-A' }, correlationId: 'order-1' }, clock);
    expect(context).toMatchObject({
      actor: { subject: 'trader-a', role: 'depositor', partyId: 'P-A' },
      at: '2025-03-04T02:30:00.000Z',
      metadata: { actor: { subject: 'trader-a', role: 'depositor', partyId: 'P-A' }, correlationId: 'order-1' },
    });
  });

  it('records no party for staff and integration clients', () => {
    const context = callerContextOf({ principal: { subject: 'hook-scale-2', roles: ['device'] }, correlationId: 'lot-1' }, clock);
    expect(context.metadata.actor).toEqual({ subject: 'hook-scale-2', role: 'device' });
  });

  it('with the domain’s allowed roles, acts in the first of them the caller holds', () => {
    const caller = { principal: { subject: 'mgr-qian', roles: ['clerk' as const, 'manager' as const] }, correlationId: 'stmt-1' };
    expect(callerContextOf(caller, clock, ['manager', 'clerk']).actor).toEqual({ subject: 'mgr-qian', role: 'manager' });
    expect(callerContextOf(caller, clock, ['depositor', 'clerk']).actor).toEqual({ subject: 'mgr-qian', role: 'clerk' });
  });

  it('refuses a caller holding none of the allowed roles', () => {
    const caller = { principal: { subject: 'dep-a', roles: ['depositor' as const], partyId: 'P-A' }, correlationId: 'pay-1' };
    expect(() => callerContextOf(caller, clock, ['manager', 'bank'])).toThrow(
      expect.objectContaining({ code: 'ACTOR_ROLE_FORBIDDEN', details: { allowed: ['manager', 'bank'] } }),
    );
  });
});
