import { randomUUID } from 'node:crypto';
import { ManualClock } from '@dw/kernel';
import { signRequest } from '@dw/platform';
import { BANK, EXCHANGE, ReceiptTestApp } from '../../../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, clerk, depositor } from '../../../testing/receipt-scenario.spec-helper';

/**
 * Issuance over HTTP on real PostgreSQL: lots held for an application, the exchange deciding
 * through its signed integration API, and every refusal the README lists for that API (unsigned,
 * wrongly signed, stale either way, replayed, Idempotency-Key reused) with no state change; a
 * lot can back only one live receipt.
 */
describe('issuance and the exchange integration API', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  const owner = depositor('party-hengda');
  let card: string;
  let pendingId: string;

  beforeAll(async () => {
    app = await ReceiptTestApp.start('issuance', { clock, consume: true });
    scenario = new ReceiptScenario(app);
    card = await scenario.openCard(owner, '恒达钢铁贸易有限公司');
    await scenario.publishRule('rebar', TONNE_RULE, '2026-03-10');
    await scenario.lotsBecomeAvailable(['I1', 'I2', 'I3', 'I4', 'I5'].map((lotId) => ({ lotId, ownerCard: card, weightKg: 25_000, producedOn: '2026-03-02' })));
  });
  afterAll(() => app?.close());

  const approvePath = (id: string) => `/integration/exchange/issuance-applications/${id}/approve`;

  /** A signed request with chosen parts, for the refusals. */
  function send(
    method: string,
    path: string,
    json: unknown,
    parts: { timestamp?: number; nonce?: string; secret?: string; idempotencyKey?: string; signedBody?: string } = {},
  ) {
    const body = json === undefined ? undefined : JSON.stringify(json);
    const headers = signRequest({
      clientId: EXCHANGE.id,
      secret: parts.secret ?? EXCHANGE.secret,
      method,
      path,
      body: parts.signedBody ?? body,
      clock,
      ...(parts.timestamp !== undefined ? { timestamp: parts.timestamp } : {}),
      ...(parts.nonce !== undefined ? { nonce: parts.nonce } : {}),
    });
    return app.send(method, path, body, { ...headers, ...(parts.idempotencyKey ? { 'idempotency-key': parts.idempotencyKey } : {}) });
  }

  async function statusOf(applicationId: string): Promise<string> {
    return (await app.as(clerk, 'GET', `/issuance-applications/${applicationId}`)).body.status;
  }

  it('holds the lots for the application and refuses a second application over them', async () => {
    const applied = await scenario.apply(card, [['I1']]);
    expect(applied.status).toBe(201);
    const again = await scenario.apply(card, [['I2'], ['I1']]);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'LOT_RESERVED_FOR_ANOTHER_APPLICATION', details: { lotId: 'I1' } });
    // I2 was not held by the refused application: it can be applied for.
    const other = await scenario.apply(card, [['I2']]);
    expect(other.status).toBe(201);
    const unknown = await scenario.apply(card, [['NO-SUCH-LOT']]);
    expect([unknown.status, unknown.body.code, unknown.body.field]).toEqual([404, 'LOT_NOT_AVAILABLE', 'receipts[0].lotIds[0]']);
  });

  it('refuses unsigned, wrongly signed, stale (either way) and replayed requests, and leaves the application pending', async () => {
    const { body } = await scenario.apply(card, [['I3']]);
    const id = (pendingId = body.applicationId as string);
    const path = approvePath(id);
    const now = Math.floor(clock.now().getTime() / 1000);
    const before = await scenario.eventCount();

    const unsigned = await app.send('POST', path, JSON.stringify({ approvalReference: 'X' }), { 'idempotency-key': randomUUID() });
    expect([unsigned.status, unsigned.body.code]).toEqual([401, 'SIGNATURE_MISSING']);
    const wrongSecret = await send('POST', path, { approvalReference: 'X' }, { secret: BANK.secret, idempotencyKey: randomUUID() });
    expect([wrongSecret.status, wrongSecret.body.code]).toEqual([401, 'SIGNATURE_INVALID']);
    // Signed over one body, sent with another: the signature covers the body's digest.
    const tampered = await send(
      'POST',
      path,
      { approvalReference: 'FORGED' },
      { signedBody: JSON.stringify({ approvalReference: 'X' }), idempotencyKey: randomUUID() },
    );
    expect([tampered.status, tampered.body.code]).toEqual([401, 'SIGNATURE_INVALID']);
    // 301 s from our clock either way is beyond the 300 s window.
    const late = await send('POST', path, { approvalReference: 'X' }, { timestamp: now - 301, idempotencyKey: randomUUID() });
    expect([late.status, late.body.code]).toEqual([401, 'REQUEST_STALE']);
    const early = await send('POST', path, { approvalReference: 'X' }, { timestamp: now + 301, idempotencyKey: randomUUID() });
    expect([early.status, early.body.code]).toEqual([401, 'REQUEST_STALE']);
    expect(await scenario.eventCount()).toBe(before);
    expect(await statusOf(id)).toBe('applied');

    // Exactly 300 s off is still inside the window; the same nonce a second time is a replay.
    await app.projectionsCaughtUp();
    const queue = '/integration/exchange/issuance-applications?status=applied';
    const first = await send('GET', queue, undefined, { timestamp: now - 300, nonce: 'nonce-replay-0001' });
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { applicationId: string }) => item.applicationId)).toContain(id);
    const replayed = await send('GET', queue, undefined, { timestamp: now - 300, nonce: 'nonce-replay-0001' });
    expect([replayed.status, replayed.body.code]).toEqual([401, 'NONCE_REPLAYED']);
  });

  it('answers a repeated Idempotency-Key with the first answer, refuses it with another body (422), and requires one', async () => {
    const { body } = await scenario.apply(card, [['I4']]);
    const path = approvePath(body.applicationId);
    const missing = await send('POST', path, { approvalReference: 'SHFE-1' });
    expect([missing.status, missing.body.code]).toEqual([400, 'IDEMPOTENCY_KEY_MISSING']);

    const key = randomUUID();
    const first = await send('POST', path, { approvalReference: 'SHFE-1' }, { idempotencyKey: key });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'approved', receiptNumbers: [expect.stringMatching(/^WR\d{8}$/)] });
    const afterFirst = await scenario.eventCount();

    const again = await send('POST', path, { approvalReference: 'SHFE-1' }, { idempotencyKey: key });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const reused = await send('POST', path, { approvalReference: 'SHFE-2' }, { idempotencyKey: key });
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    // A new key for the same decision reaches the domain, which has already decided.
    const decided = await send('POST', path, { approvalReference: 'SHFE-1' }, { idempotencyKey: randomUUID() });
    expect([decided.status, decided.body.code]).toEqual([409, 'ISSUANCE_NOT_PENDING']);
    expect(await scenario.eventCount()).toBe(afterFirst);
  });

  it('refuses a second live receipt over the same lot, and frees lots when the exchange rejects', async () => {
    const [receipt] = await scenario.issue(card, [['I5']]);
    const before = await scenario.eventCount();
    const second = await scenario.apply(card, [['I5']]);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'LOT_ALREADY_BACKS_RECEIPT', details: { lotId: 'I5', receiptNumber: receipt } });
    expect(await scenario.eventCount()).toBe(before);

    await app.projectionsCaughtUp();
    const pending = (await app.as(clerk, 'GET', '/issuance-applications?status=applied')).body.items.find(
      (item: { receipts: { lotIds: string[] }[] }) => item.receipts[0]!.lotIds[0] === 'I2',
    );
    const rejected = await app.signed(EXCHANGE, 'POST', `/integration/exchange/issuance-applications/${pending.applicationId}/reject`, {
      reason: 'inspection report missing',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', receiptNumbers: [] });
    expect((await scenario.apply(card, [['I2']])).status).toBe(201);
  });

  it('lets only the exchange decide, and only staff apply', async () => {
    const asBank = await app.signed(BANK, 'POST', approvePath(pendingId), { approvalReference: 'X' });
    expect([asBank.status, asBank.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const asDepositor = await app.as(owner, 'POST', '/issuance-applications', {
      warehouseId: 'W',
      commodity: 'rebar',
      brand: 'b',
      grade: 'g',
      holderCard: card,
      storageFeesPaidThrough: '2026-12-31',
      receipts: [{ lotIds: ['I1'] }],
    });
    expect([asDepositor.status, asDepositor.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
  });
});
