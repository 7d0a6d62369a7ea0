import { businessDateOf } from './instant';

describe('command instants', () => {
  it('takes the Shanghai business date of an instant (UTC+8)', () => {
    expect(businessDateOf('2026-03-01T16:30:00Z')).toBe('2026-03-02'); // 00:30 on the 2nd in Shanghai
    expect(businessDateOf('2026-03-01T15:59:59Z')).toBe('2026-03-01'); // 23:59:59 on the 1st
    expect(businessDateOf('2026-03-02T00:10:00+08:00')).toBe('2026-03-02');
  });
});
