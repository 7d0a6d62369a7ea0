import { compareLogPositions, formatLogPosition, parseLogPosition } from './log-position';

describe('log position tokens', () => {
  it('round-trips a position through its token', () => {
    const position = { transactionId: '18446744073709551615', globalPosition: 9_007_199_254_740_991 };
    expect(formatLogPosition(position)).toBe('18446744073709551615-9007199254740991');
    expect(parseLogPosition(formatLogPosition(position))).toEqual(position);
  });

  it.each(['', 'latest', '12', '-1-2', '1-2-3', '1.5-2', '18446744073709551616-1', '1-9007199254740992', ' 1-2'])('refuses %p', (token) => {
    expect(parseLogPosition(token)).toBeUndefined();
  });

  it('orders by transaction first, then by position within it (commit order)', () => {
    // Transaction 10 committed its events at positions 7 and 9; transaction 9 wrote position 12
    // later but with an older xid: readers read 9/12 before 10/7.
    const t9p12 = { transactionId: '9', globalPosition: 12 };
    const t10p7 = { transactionId: '10', globalPosition: 7 };
    const t10p9 = { transactionId: '10', globalPosition: 9 };
    expect(compareLogPositions(t9p12, t10p7)).toBe(-1);
    expect(compareLogPositions(t10p9, t10p7)).toBe(1);
    expect(compareLogPositions(t10p7, { ...t10p7 })).toBe(0);
    // Compared as numbers, not text ('9' > '10' as strings).
    expect(compareLogPositions({ transactionId: '10', globalPosition: 1 }, { transactionId: '9', globalPosition: 1 })).toBe(1);
  });
});
