import { createHmac } from 'node:crypto';
import { ManualClock } from '@dw/kernel';
import { parseIntegrationClients } from './integration-clients';
import { NONCE_RETENTION_MS } from './nonce.store';
import { canonicalRequest, signatureOf, signaturesMatch, signRequest } from './request-signature';

const secret = 'exchange-shared-secret-0123456789abcdef';

describe('canonicalRequest', () => {
  it('is method, path with query, timestamp, nonce and the hex SHA-256 of the body, one per line', () => {
    // sha256("") = e3b0c442...b855 and sha256("abc") = ba7816bf...15ad are the FIPS 180-2 test values.
    expect(canonicalRequest({ method: 'get', path: '/receipts?status=valid', timestamp: 1763625600, nonce: 'n-0001-abcd' })).toBe(
      'GET\n/receipts?status=valid\n1763625600\nn-0001-abcd\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(canonicalRequest({ method: 'POST', path: '/x', timestamp: 1, nonce: 'n', body: 'abc' }).split('\n')[4]).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('hashes the bytes, so a string body and its UTF-8 bytes sign the same', () => {
    const parts = { method: 'POST', path: '/p', timestamp: 5, nonce: 'nonce-01' };
    expect(signatureOf(secret, { ...parts, body: '{"t":"螺纹钢"}' })).toBe(signatureOf(secret, { ...parts, body: Buffer.from('{"t":"螺纹钢"}', 'utf8') }));
  });
});

describe('signRequest', () => {
  it('produces the four headers, the signature being HMAC-SHA256 over the canonical request', () => {
    const clock = new ManualClock('2025-11-20T08:00:00Z');
    const headers = signRequest({ clientId: 'shfe', secret, method: 'POST', path: '/approvals', body: '{"a":1}', clock, nonce: 'nonce-0001' });
    // 2025-11-20T08:00:00Z = 1763625600 unix seconds (20 412 days x 86 400 s + 8 h x 3 600 s).
    expect(headers['X-Timestamp']).toBe('1763625600');
    const expected = createHmac('sha256', secret)
      .update(canonicalRequest({ method: 'POST', path: '/approvals', timestamp: 1763625600, nonce: 'nonce-0001', body: '{"a":1}' }))
      .digest('hex');
    expect(headers).toEqual({ 'X-Client-Id': 'shfe', 'X-Timestamp': '1763625600', 'X-Nonce': 'nonce-0001', 'X-Signature': expected });
  });

  it('uses a fresh random nonce when none is given', () => {
    const a = signRequest({ clientId: 'c', secret, method: 'GET', path: '/' });
    const b = signRequest({ clientId: 'c', secret, method: 'GET', path: '/' });
    expect(a['X-Nonce']).not.toBe(b['X-Nonce']);
  });
});

describe('signaturesMatch', () => {
  const good = signatureOf(secret, { method: 'GET', path: '/', timestamp: 1, nonce: 'nonce-001' });
  it('accepts the same signature in either case', () => {
    expect(signaturesMatch(good, good)).toBe(true);
    expect(signaturesMatch(good, good.toUpperCase())).toBe(true);
  });
  it('refuses other, short and non-hex signatures', () => {
    expect(signaturesMatch(good, good.replace(/^./, good[0] === 'a' ? 'b' : 'a'))).toBe(false);
    expect(signaturesMatch(good, good.slice(2))).toBe(false);
    expect(signaturesMatch(good, 'z'.repeat(64))).toBe(false);
  });
});

describe('nonce retention', () => {
  it('is twice the 300 s skew window: 600 000 ms', () => {
    // A request stamped T is accepted until T + 300 s and may arrive as early as T - 300 s:
    // its nonce must be remembered 600 s from first sight to refuse every in-window replay.
    expect(NONCE_RETENTION_MS).toBe(600_000);
  });
});

describe('parseIntegrationClients', () => {
  const client = { id: 'bank-icbc', secret, role: 'bank' };

  it('reads clients', () => {
    expect(parseIntegrationClients([client, { id: 'scale-3', secret, role: 'device', name: 'weighbridge 3' }])).toEqual([
      client,
      { id: 'scale-3', secret, role: 'device', name: 'weighbridge 3' },
    ]);
  });

  it('reads a court (receipt freezes through the courts’ online enforcement link)', () => {
    expect(parseIntegrationClients([{ id: 'court-pudong', secret, role: 'court' }])).toEqual([{ id: 'court-pudong', secret, role: 'court' }]);
  });

  it.each([
    ['not an array', { client }, /JSON array/],
    ['a bad id', [{ ...client, id: 'has space' }], /id must be/],
    ['a duplicate id', [client, client], /used twice/],
    ['a short secret', [{ ...client, secret: 'short' }], /at least 32 characters/],
    ['a people role', [{ ...client, role: 'manager' }], /role must be one of exchange, bank, device, court/],
    ['a non-string name', [{ ...client, name: 7 }], /name must be a string/],
  ])('refuses %s', (_case, value, reason) => {
    expect(() => parseIntegrationClients(value)).toThrow(reason);
  });
});
