import { ManualClock } from '@dw/kernel';
import { ReceiptTestApp } from '../../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, clerk, depositor, manager, ops } from '../../testing/receipt-scenario.spec-helper';

/**
 * Storage cards over HTTP on real PostgreSQL: a depositor applies online for its own party, staff
 * approve or reject, and a depositor sees and acts on its own cards only.
 */
describe('storage cards', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  const hengda = depositor('party-hengda');
  const huadong = depositor('party-huadong');

  beforeAll(async () => {
    app = await ReceiptTestApp.start('cards', { clock });
    scenario = new ReceiptScenario(app);
  });
  afterAll(() => app?.close());

  it('a depositor applies in its own name; staff approve; the card is numbered and versioned', async () => {
    const applied = await app.as(hengda, 'POST', '/storage-cards', { holderName: '恒达钢铁贸易有限公司' });
    expect(applied.status).toBe(201);
    expect(applied.body).toEqual({ cardNumber: expect.stringMatching(/^SC\d{6}$/), status: 'applied', version: 1 });
    expect(applied.headers.get('etag')).toBe('"1"');
    const card = applied.body.cardNumber;

    const byDepositor = await app.as(hengda, 'POST', `/storage-cards/${card}/approve`);
    expect([byDepositor.status, byDepositor.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const stale = await app.as(clerk, 'POST', `/storage-cards/${card}/approve`, undefined, { 'if-match': '"0"' });
    expect([stale.status, stale.body.code]).toEqual([409, 'STREAM_VERSION_CONFLICT']);
    const approved = await app.as(clerk, 'POST', `/storage-cards/${card}/approve`, undefined, { 'if-match': '"1"' });
    expect(approved.body).toEqual({ cardNumber: card, status: 'approved', version: 2 });
    const again = await app.as(clerk, 'POST', `/storage-cards/${card}/approve`);
    expect([again.status, again.body.code]).toEqual([409, 'CARD_NOT_PENDING']);
    expect((await app.as(hengda, 'GET', `/storage-cards/${card}`)).body).toMatchObject({
      cardNumber: card,
      ownerPartyId: 'party-hengda',
      status: 'approved',
      version: 2,
    });
  });

  it('a depositor sees and acts on its own cards only', async () => {
    const own = await scenario.openCard(huadong, '华东建材有限公司');
    const other = await scenario.openCard(hengda, '恒达钢铁第二账户');
    // Another's card answers exactly as a card that was never issued: nothing tells it exists.
    const peek = await app.as(huadong, 'GET', `/storage-cards/${other}`);
    const peekMissing = await app.as(huadong, 'GET', '/storage-cards/SC999999');
    expect([peek.status, peek.body.code]).toEqual([404, 'CARD_NOT_FOUND']);
    expect(peek.body.detail).toBe(`no storage card ${other}`);
    expect(peekMissing.body.detail).toBe('no storage card SC999999');
    const closeOther = await app.as(huadong, 'POST', `/storage-cards/${other}/close`, { reason: 'not mine' });
    const closeMissing = await app.as(huadong, 'POST', '/storage-cards/SC999999/close', { reason: 'not mine' });
    expect([closeOther.status, closeOther.body.code, closeOther.body.detail]).toEqual([closeMissing.status, closeMissing.body.code, closeMissing.body.detail]);
    expect([closeOther.status, closeOther.body.code]).toEqual([404, 'CARD_NOT_FOUND']);
    // An If-Match guess does not tell them apart either: the refusal comes before the version check.
    const guessOther = await app.as(huadong, 'POST', `/storage-cards/${other}/close`, { reason: 'not mine' }, { 'if-match': '"0"' });
    const guessMissing = await app.as(huadong, 'POST', '/storage-cards/SC999999/close', { reason: 'not mine' }, { 'if-match': '"0"' });
    expect([guessOther.status, guessOther.body.code]).toEqual([404, 'CARD_NOT_FOUND']);
    expect([guessMissing.status, guessMissing.body.code]).toEqual([404, 'CARD_NOT_FOUND']);

    await app.projectionsCaughtUp();
    const mine = await app.as(huadong, 'GET', '/storage-cards');
    expect(mine.body.items.map((item: { cardNumber: string }) => item.cardNumber)).toEqual([own]);
    // Asking for another party's cards by filter still shows one's own only.
    const sneaky = await app.as(huadong, 'GET', '/storage-cards?ownerPartyId=party-hengda');
    expect(sneaky.body.items.map((item: { cardNumber: string }) => item.cardNumber)).toEqual([own]);
    const all = await app.as(ops, 'GET', '/storage-cards?ownerPartyId=party-hengda&limit=1');
    expect(all.body.items).toHaveLength(1);
    expect(all.body.nextCursor).toEqual(expect.any(String));
    const next = await app.as(ops, 'GET', `/storage-cards?ownerPartyId=party-hengda&limit=1&cursor=${all.body.nextCursor}`);
    expect(next.body.items[0].cardNumber).toBe(other);

    const closed = await app.as(huadong, 'POST', `/storage-cards/${own}/close`, { reason: 'moving to another warehouse' });
    expect(closed.body).toMatchObject({ status: 'closed' });
  });

  it('staff reject with a reason, suspend and reinstate; bad input is refused with the field', async () => {
    const applied = await app.as(depositor('party-x'), 'POST', '/storage-cards', { holderName: '某某公司' });
    const noReason = await app.as(clerk, 'POST', `/storage-cards/${applied.body.cardNumber}/reject`, {});
    expect(noReason.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: expect.arrayContaining([expect.objectContaining({ field: 'reason', constraint: 'isString' })]),
    });
    const rejected = await app.as(manager, 'POST', `/storage-cards/${applied.body.cardNumber}/reject`, { reason: 'business licence expired' });
    expect(rejected.body.status).toBe('rejected');

    const card = await scenario.openCard(depositor('party-y'), '某乙公司');
    expect((await app.as(manager, 'POST', `/storage-cards/${card}/suspend`, { reason: 'unpaid fees' })).body.status).toBe('suspended');
    expect((await app.as(manager, 'POST', `/storage-cards/${card}/reinstate`)).body.status).toBe('approved');

    const blank = await app.as(hengda, 'POST', '/storage-cards', { holderName: '', extra: 1 });
    expect(blank.status).toBe(400);
    expect([...new Set(blank.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['extra', 'holderName']);
    const unknown = await app.as(clerk, 'POST', '/storage-cards/SC999999/approve');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CARD_NOT_FOUND']);
  });
});
