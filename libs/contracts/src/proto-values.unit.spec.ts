import { ContractFieldMissingError, fromTimestamp, toActor, toTimestamp } from './proto-values';

describe('proto values', () => {
  it('maps an actor, with no party as the empty string', () => {
    expect(toActor({ subject: 'clerk-7', role: 'clerk' })).toMatchObject({ subject: 'clerk-7', role: 'clerk', partyId: '' });
    expect(toActor({ subject: 'trader-a', role: 'depositor', partyId: 'P-A' }).partyId).toBe('P-A');
  });

  it('round-trips an instant through a Timestamp, in UTC', () => {
    // 10:30 in Shanghai (UTC+8) is 02:30 UTC: seconds 1,741,055,400 after the epoch.
    const timestamp = toTimestamp('2025-03-04T10:30:00.250+08:00');
    expect([timestamp.seconds, timestamp.nanos]).toEqual([1_741_055_400n, 250_000_000]);
    expect(fromTimestamp(timestamp, 'at')).toBe('2025-03-04T02:30:00.250Z');
    expect(fromTimestamp(toTimestamp(new Date('2025-03-04T02:30:00Z')), 'at')).toBe('2025-03-04T02:30:00.000Z');
  });

  it('refuses an unset Timestamp with the field named', () => {
    expect(() => fromTimestamp(undefined, 'performed_at')).toThrow(ContractFieldMissingError);
    expect(() => fromTimestamp(undefined, 'performed_at')).toThrow(expect.objectContaining({ code: 'CONTRACT_FIELD_MISSING', field: 'performed_at' }));
  });
});
