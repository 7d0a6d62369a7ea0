import { ManualClock } from '@dw/kernel';
import { actingAs } from './acting';

describe('actingAs', () => {
  const clock = new ManualClock('2025-03-04T02:30:00Z');

  it('stamps the caller, the clock and the correlation id', () => {
    const acting = actingAs({ subject: 'trader-a', roles: ['depositor'], partyId: 'P-A' }, clock, 'order-1');
    expect(acting).toMatchObject({
      actor: 'trader-a',
      at: '2025-03-04T02:30:00.000Z',
      metadata: { actor: { subject: 'trader-a', role: 'depositor', partyId: 'P-A' }, correlationId: 'order-1' },
    });
  });

  it('records no party for staff and integration clients', () => {
    const acting = actingAs({ subject: 'hook-scale-2', roles: ['device'] }, clock, 'lot-1');
    expect(acting.metadata.actor).toEqual({ subject: 'hook-scale-2', role: 'device' });
  });
});
