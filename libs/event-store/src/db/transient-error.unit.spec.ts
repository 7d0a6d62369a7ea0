import { isTransientInfrastructureError } from './transient-error';

describe('isTransientInfrastructureError', () => {
  it.each([
    ['a terminated backend (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a server starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a broken connection (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['too many connections (53300)', Object.assign(new Error('too many connections'), { code: '53300' })],
    ['a serialization failure (40001)', Object.assign(new Error('could not serialize access'), { code: '40001' })],
    ['a deadlock (40P01)', Object.assign(new Error('deadlock detected'), { code: '40P01' })],
    ['a refused socket', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['an exhausted pool', new Error('timeout exceeded when trying to connect')],
    [
      'a version conflict with a concurrent writer',
      Object.assign(new Error('stream lot-1 is at version 4, expected 3'), { name: 'WrongExpectedVersionError' }),
    ],
  ])('retries %s without limit', (_, error) => {
    expect(isTransientInfrastructureError(error)).toBe(true);
  });

  it.each([
    ['a domain refusal', Object.assign(new Error('lot L1 is not available'), { name: 'DomainError', code: 'LOT_NOT_AVAILABLE' })],
    ['an undecodable message', Object.assign(new Error('bad bytes'), { code: 'CONTRACT_DECODE_FAILED' })],
    ['a constraint violation (23505)', Object.assign(new Error('duplicate key'), { code: '23505' })],
    [
      'a statement timeout (57014), which a pathological message would meet every time',
      Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
    ],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'kg')")],
    ['something thrown that is not an error', 'oops'],
    ['nothing', undefined],
  ])('dead-letters %s after bounded retries', (_, error) => {
    expect(isTransientInfrastructureError(error)).toBe(false);
  });
});
