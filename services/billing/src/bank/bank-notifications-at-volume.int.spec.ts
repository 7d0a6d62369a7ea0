import { BankPaymentReceivedSchema, billingBankTopic, topicName } from '@dw/contracts';
import { Database } from '@dw/event-store';
import { ManualClock } from '@dw/kernel';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { type Answer, BANK, BillingTestApp, manager } from '../testing/billing-test-app.spec-helper';

jest.setTimeout(900_000);

const TRANSACTIONS = 2_500;
const NOTICES = 10_000;
const PARTIES = ['P-A', 'P-B', 'P-C', 'P-D', 'P-E'];
/** Notices in flight at once, as a bank's sender pool would have them. */
const CONCURRENCY = 24;

/** A small seeded generator (mulberry32), so a failing order can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Notice {
  index: number;
  /** Set for a replay: the same request sent again with the Idempotency-Key of an earlier notice of the transaction. */
  idempotencyKey: string;
}

/**
 * Acceptance: 10,000 payment notices from a bank, with duplicates (the same
 * transaction notified again under a new Idempotency-Key), replays (the same request again under
 * the same key) and any order, book each payment exactly once. Real PostgreSQL and Kafka, the
 * signed integration API over HTTP, 24 notices in flight at once.
 */
describe('bank notifications at volume', () => {
  const clock = new ManualClock('2026-12-07T02:00:00Z');
  let app: BillingTestApp;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    app = await BillingTestApp.start('bankvolume', clock);
    recorder = await new TopicRecorder(testMessageBus(), [topicName(billingBankTopic, app.prefix)]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
  });

  it('books each of 2,500 payments exactly once from 10,000 notices with duplicates, replays and reorderings', async () => {
    for (const partyId of PARTIES) expect((await app.as(manager, 'POST', '/virtual-accounts', { partyId, bankId: BANK.id })).status).toBe(201);
    // The n-th account at a bank is 88 + n in nine digits + its Luhn digit (BILL-BANK-VIRTUAL-ACCOUNT):
    // 1 → 880000000013, 2 → …021, 3 → 88000000003: 3→6, 8, 8→7 = 21 → 9, 4 → 88000000004: 4→8, 8, 7 = 23 → 7, 5 → 88000000005: 5→10→1, 8, 7 = 16 → 4.
    const accounts = ['880000000013', '880000000021', '880000000039', '880000000047', '880000000054'];
    // Transaction i is paid from party i mod 5 for (i mod 997 + 1) yuan and i fen.
    const amountOf = (i: number) => ((i % 997) + 1) * 100 + i;
    const bodyOf = (i: number) => ({
      bankTransactionId: `ICBC-V-${String(i).padStart(5, '0')}`,
      kind: i % 4 === 0 ? 'top_up' : 'payment',
      virtualAccount: accounts[i % PARTIES.length]!,
      amountFen: amountOf(i),
      valueDate: '2026-12-07',
      payerName: `payer ${i % PARTIES.length}`,
    });

    // Every transaction once, then 7,500 more: half duplicates under a fresh key, half replays of the first notice's key.
    const random = seeded(20261207);
    const notices: Notice[] = Array.from({ length: TRANSACTIONS }, (_, index) => ({ index, idempotencyKey: `first-${index}` }));
    for (let extra = 0; notices.length < NOTICES; extra += 1) {
      const index = Math.floor(random() * TRANSACTIONS);
      notices.push({ index, idempotencyKey: extra % 2 === 0 ? `dup-${extra}` : `first-${index}` });
    }
    for (let i = notices.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [notices[i], notices[j]] = [notices[j]!, notices[i]!];
    }

    const answers: { key: string; answer: Answer }[] = [];
    const queue = [...notices];
    let inFlightRetries = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let notice = queue.shift(); notice !== undefined; notice = queue.shift()) {
          const answer = await app.signed(BANK, 'POST', '/integration/bank/incoming-transfers', bodyOf(notice.index), {
            idempotencyKey: notice.idempotencyKey,
          });
          // The first request under this key is still running: a bank sends it again later, so it goes to the back of the queue.
          if (answer.status === 409 && answer.body.code === 'IDEMPOTENCY_IN_FLIGHT') {
            inFlightRetries += 1;
            queue.push(notice);
          } else answers.push({ key: notice.idempotencyKey, answer });
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `bank notices: ${NOTICES} in ${seconds.toFixed(1)} s (${Math.round(NOTICES / seconds)}/s, ${CONCURRENCY} in flight, ${inFlightRetries} resent while in flight)\n`,
    );

    expect(answers).toHaveLength(NOTICES);
    expect(answers.filter(({ answer }) => answer.status !== 200).map(({ answer }) => [answer.status, answer.body?.code])).toEqual([]);
    // A replay answers what its key answered first (firstNotice included); among the distinct keys, one notice per transaction booked it.
    const answerPerKey = new Map(answers.map(({ key, answer }) => [key, answer] as const));
    const booking = [...answerPerKey.values()].filter((answer) => answer.body.firstNotice === true);
    expect(booking).toHaveLength(TRANSACTIONS);
    expect(new Set(booking.map((answer) => answer.body.paymentId)).size).toBe(TRANSACTIONS);

    const db = app.app.get(Database);
    const logged = await db.query<{ type: string; count: string }>(
      `SELECT event_type AS type, count(*) FROM events WHERE stream_type = 'bank-transaction' GROUP BY event_type`,
    );
    expect(logged.rows.map((row) => [row.type, Number(row.count)])).toEqual([['BankPaymentMatched', TRANSACTIONS]]);
    // Σ over i < 2,500 of ((i mod 997) + 1) × 100 + i: the i fen add up to 2,499 × 2,500 / 2 = 3,123,750; the yuan run
    // 1…997 twice (i = 0…1,993) and 1…506 once (i = 1,994…2,499): 2 × 997 × 998 / 2 + 506 × 507 / 2 = 995,006 + 128,271
    // = 1,123,277 yuan = 112,327,700 fen; in all 115,451,450 fen.
    await app.as(manager, 'GET', '/bank-payments?limit=1'); // waits for the read model to apply the last notice
    const booked = await db.query<{ count: string; total: string; parties: string }>(
      `SELECT count(*), sum(amount_fen) AS total, count(DISTINCT party_id) AS parties FROM bank_payments`,
    );
    expect(booked.rows[0]).toEqual({ count: '2500', total: '115451450', parties: '5' });

    const received = await waitFor(
      () => {
        const ids = new Set(
          recorder.messages.filter((message) => message.headers.ce_type === BankPaymentReceivedSchema.typeName).map((message) => message.headers.ce_id),
        );
        return ids.size >= TRANSACTIONS ? ids : undefined;
      },
      { timeoutMs: 120_000, describe: '2,500 BankPaymentReceived on billing.bank.v1' },
    );
    expect(received.size).toBe(TRANSACTIONS);
  });
});
