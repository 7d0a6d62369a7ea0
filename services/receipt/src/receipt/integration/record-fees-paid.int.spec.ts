import { create } from '@bufbuild/protobuf';
import { billingPaidThroughTopic, LocalDateSchema, StoragePaidThroughAdvancedSchema } from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { waitFor } from '@dw/testing';
import { ReceiptTestApp } from '../../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, clerk, depositor } from '../../testing/receipt-scenario.spec-helper';

/**
 * Billing's StoragePaidThroughAdvanced on the real topic (billing.paid-through.v1), through the
 * inbox, on real PostgreSQL and Kafka: the holder's date becomes the receipt's and lets the
 * warehouse process its cancellation; another party's date moves nothing.
 */
describe('storage fees paid-through from billing', () => {
  const clock = new ManualClock('2026-11-20T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  const holder = depositor('party-hengda');
  let card: string;

  beforeAll(async () => {
    app = await ReceiptTestApp.start('paidthrough', { clock, consume: true });
    scenario = new ReceiptScenario(app);
    card = await scenario.openCard(holder, '恒达钢铁贸易有限公司');
    await scenario.publishRule('rebar', TONNE_RULE, '2026-11-20');
    await scenario.lotsBecomeAvailable([{ lotId: 'B1', ownerCard: card, weightKg: 10_000, producedOn: '2026-11-10' }]);
  });
  afterAll(async () => {
    await app?.close();
  });

  const paidThroughPublished = async (partyId: string, receiptNumber: string, paidThrough: string) => {
    await app.publish(
      billingPaidThroughTopic,
      receiptNumber,
      StoragePaidThroughAdvancedSchema,
      create(StoragePaidThroughAdvancedSchema, { partyId, receiptNumber, paidThrough: create(LocalDateSchema, { value: paidThrough }) }),
    );
  };
  const inboxCount = async () => (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox`)).rows[0]!.n;

  it('billing’s paid-through date for the holder reaches the receipt through the broker, and lets the cancellation through', async () => {
    const [receipt] = await scenario.issue(card, [['B1']], { feesPaidThrough: '2026-12-06' });
    expect((await app.as(holder, 'POST', `/receipts/${receipt}/cancellation-application`, { purpose: 'pickup' })).status).toBe(201);
    // 2026-12-06T16:30Z is 00:30 on 12-07 in Shanghai: paid through 12-06 leaves today owed.
    clock.set('2026-12-06T16:30:00Z');
    const unpaid = await app.as(clerk, 'POST', `/receipts/${receipt}/cancellation-application/process`);
    expect([unpaid.status, unpaid.body.code]).toEqual([409, 'STORAGE_FEES_UNPAID']);

    // Another party's storage of the receipt paid through 12-31 is not the holder's: nothing moves.
    const consumed = await inboxCount();
    await paidThroughPublished('party-huadong', receipt!, '2026-12-31');
    await waitFor(async () => (await inboxCount()) === consumed + 1, { timeoutMs: 60_000, describe: 'the other party’s date through the inbox' });
    expect((await app.as(holder, 'GET', `/receipts/${receipt}`)).body.storageFeesPaidThrough).toBe('2026-12-06');

    // The holder's storage paid through 12-07, today: the receipt follows, and the warehouse processes.
    await paidThroughPublished('party-hengda', receipt!, '2026-12-07');
    await waitFor(async () => ((await app.as(holder, 'GET', `/receipts/${receipt}`)).body.storageFeesPaidThrough === '2026-12-07' ? true : undefined), {
      timeoutMs: 60_000,
      describe: 'the receipt paid through 12-07',
    });
    const processed = await app.as(clerk, 'POST', `/receipts/${receipt}/cancellation-application/process`);
    expect([processed.status, processed.body.status]).toEqual([200, 'cancelled']);
  });
});
