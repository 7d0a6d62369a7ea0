import { ManualClock } from '@dw/kernel';
import { ReceiptTestApp } from '../../testing/receipt-test-app.spec-helper';
import { depositor } from '../../testing/receipt-scenario.spec-helper';

/**
 * The people API honours Idempotency-Key like the integration API (README "APIs"): a depositor
 * whose answer was lost retries with the same key and gets the first answer, not a second card.
 */
describe('Idempotency-Key on the people API', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;
  const hengda = depositor('party-hengda');
  const huadong = depositor('party-huadong');

  beforeAll(async () => {
    app = await ReceiptTestApp.start('people_idem', { clock });
  });
  afterAll(() => app?.close());

  const appliedCards = async (): Promise<number> => {
    const { rows } = await app.owner.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${app.schema}.events WHERE event_type = 'StorageCardApplied'`);
    return Number(rows[0].n);
  };

  it('100 changes, each sent three times with its key (twice at once), take effect exactly 100 times', async () => {
    const before = await appliedCards();
    const changes = Array.from({ length: 100 }, (_, index) => ({ key: `apply-card-${index}`, body: { holderName: `恒达钢铁第${index}账户` } }));
    const answers = await Promise.all(
      changes.map(async ({ key, body }) => {
        // A lost answer retried at once, concurrently with the first attempt, then once more later.
        const [first, concurrent] = await Promise.all([
          app.as(hengda, 'POST', '/storage-cards', body, { 'idempotency-key': key }),
          app.as(hengda, 'POST', '/storage-cards', body, { 'idempotency-key': key }),
        ]);
        const later = await app.as(hengda, 'POST', '/storage-cards', body, { 'idempotency-key': key });
        return { first, concurrent, later };
      }),
    );
    // The first attempt creates; a retry while it runs is told to retry (409 IDEMPOTENCY_IN_FLIGHT)
    // or, if it arrives after the commit, replays; a later retry always replays.
    const cardNumbers = new Set<string>();
    for (const { first, concurrent, later } of answers) {
      const created = [first, concurrent].filter((answer) => answer.status === 201);
      expect(created.length).toBeGreaterThanOrEqual(1);
      for (const answer of [first, concurrent].filter((attempt) => attempt.status !== 201)) {
        expect([answer.status, answer.body.code]).toEqual([409, 'IDEMPOTENCY_IN_FLIGHT']);
      }
      expect(later.status).toBe(201);
      expect(later.headers.get('idempotent-replayed')).toBe('true');
      for (const answer of [...created, later]) cardNumbers.add(answer.body.cardNumber);
    }
    expect(cardNumbers.size).toBe(100);
    expect((await appliedCards()) - before).toBe(100);
  });

  it('the same key with another body is refused with 422 and changes nothing', async () => {
    const first = await app.as(hengda, 'POST', '/storage-cards', { holderName: '恒达钢铁贸易有限公司' }, { 'idempotency-key': 'hengda-card-main' });
    expect(first.status).toBe(201);
    const before = await appliedCards();
    const other = await app.as(hengda, 'POST', '/storage-cards', { holderName: '恒达钢铁第二公司' }, { 'idempotency-key': 'hengda-card-main' });
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await appliedCards()).toBe(before);
  });

  it('a key is kept per caller: another person’s identical request with the same key runs on its own', async () => {
    const body = { holderName: '同名贸易有限公司' };
    const byHengda = await app.as(hengda, 'POST', '/storage-cards', body, { 'idempotency-key': 'k-1' });
    const byHuadong = await app.as(huadong, 'POST', '/storage-cards', body, { 'idempotency-key': 'k-1' });
    expect([byHengda.status, byHuadong.status]).toEqual([201, 201]);
    expect(byHuadong.headers.get('idempotent-replayed')).toBeNull();
    expect(byHuadong.body.cardNumber).not.toBe(byHengda.body.cardNumber);
  });

  it('a change without a key runs each time it is sent (the key is the client’s choice on the people API)', async () => {
    const before = await appliedCards();
    await app.as(hengda, 'POST', '/storage-cards', { holderName: '恒达钢铁无键账户' });
    await app.as(hengda, 'POST', '/storage-cards', { holderName: '恒达钢铁无键账户' });
    expect((await appliedCards()) - before).toBe(2);
  });

  it('a malformed key is a 400 naming the header', async () => {
    const answer = await app.as(hengda, 'POST', '/storage-cards', { holderName: '恒达' }, { 'idempotency-key': 'has space' });
    expect([answer.status, answer.body.code, answer.body.field]).toEqual([400, 'IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key']);
  });
});
