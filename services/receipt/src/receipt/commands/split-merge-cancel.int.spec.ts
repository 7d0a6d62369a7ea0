import { fromBinary } from '@bufbuild/protobuf';
import { EntitlementPurpose, OutboundEntitlementGrantedSchema, receiptEntitlementTopic } from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { ReceiptTestApp } from '../../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, clerk, depositor, ops } from '../../testing/receipt-scenario.spec-helper';

/**
 * Split, merge and cancellation over HTTP on real PostgreSQL and Kafka: lineage, lots following
 * their receipts, the merged receipt keeping the shorter validity, refusals that change nothing,
 * and the outbound entitlement published for the order service.
 */
describe('split, merge and cancellation', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  let entitlements: TopicRecorder;
  const holder = depositor('party-hengda');
  const other = depositor('party-huadong');
  let card: string;
  let otherCard: string;

  beforeAll(async () => {
    app = await ReceiptTestApp.start('splitmerge', { clock, consume: true });
    scenario = new ReceiptScenario(app);
    card = await scenario.openCard(holder, '恒达钢铁贸易有限公司');
    otherCard = await scenario.openCard(other, '华东建材有限公司');
    await scenario.publishRule('rebar', TONNE_RULE, '2026-03-10');
    await scenario.lotsBecomeAvailable([
      { lotId: 'S1', ownerCard: card, weightKg: 12_000, producedOn: '2026-03-01' },
      { lotId: 'S2', ownerCard: card, weightKg: 8_000, producedOn: '2026-03-05' },
      { lotId: 'S3', ownerCard: card, weightKg: 5_000, producedOn: '2026-02-20' },
      { lotId: 'S4', ownerCard: otherCard, weightKg: 7_000, producedOn: '2026-03-01' },
    ]);
    entitlements = await new TopicRecorder(testMessageBus(), [app.topic(receiptEntitlementTopic)]).start();
  });
  afterAll(async () => {
    await entitlements?.stop();
    await app?.close();
  });

  const lotsOf = async () => {
    await app.projectionsCaughtUp();
    const { body } = await app.as(clerk, 'GET', '/lots?limit=10');
    return Object.fromEntries(body.items.map((lot: { lotId: string; status: string; receiptNumber: string | null; ownerCard: string }) => [lot.lotId, lot]));
  };

  it('splits along whole lots; the entered weights must be the lots’ weights; lots follow the children', async () => {
    const [parent] = await scenario.issue(card, [['S1', 'S2']]);
    const before = await scenario.eventCount();
    const wrongSum = await app.as(holder, 'POST', `/receipts/${parent}/split`, {
      children: [
        { lotIds: ['S1'], weightKg: 12_000 },
        { lotIds: ['S2'], weightKg: 7_000 },
      ],
    });
    expect([wrongSum.status, wrongSum.body.code]).toEqual([422, 'SPLIT_WEIGHTS_DO_NOT_SUM']);
    const swapped = await app.as(holder, 'POST', `/receipts/${parent}/split`, {
      children: [
        { lotIds: ['S1'], weightKg: 8_000 },
        { lotIds: ['S2'], weightKg: 12_000 },
      ],
    });
    expect([swapped.status, swapped.body.code, swapped.body.field]).toEqual([422, 'SPLIT_CHILD_WEIGHT_MISMATCH', 'children[0].weightKg']);
    const foreign = await app.as(holder, 'POST', `/receipts/${parent}/split`, {
      children: [
        { lotIds: ['S1'], weightKg: 12_000 },
        { lotIds: ['S4'], weightKg: 8_000 },
      ],
    });
    expect(foreign.body.code).toBe('SPLIT_LOT_NOT_ON_RECEIPT');
    expect(await scenario.eventCount()).toBe(before);

    const split = await app.as(holder, 'POST', `/receipts/${parent}/split`, {
      children: [
        { lotIds: ['S1'], weightKg: 12_000 },
        { lotIds: ['S2'], weightKg: 8_000 },
      ],
    });
    expect(split.status).toBe(201);
    const [a, b] = split.body.children;
    expect((await app.as(holder, 'GET', `/receipts/${a}`)).body).toMatchObject({
      weightKg: 12_000,
      lineage: { origin: 'split', parent },
      validUntil: '2026-05-30',
    });
    expect((await app.as(ops, 'GET', `/receipts/${parent}`)).body).toMatchObject({ status: 'split', successors: [a, b] });
    const lots = await lotsOf();
    expect([lots.S1.receiptNumber, lots.S2.receiptNumber]).toEqual([a, b]);
  });

  it('merges receipts of one holder, keeping the shorter validity; refuses a mix of holders', async () => {
    // S3 produced 02-20: valid through 02-20 + 90 = 05-21 (8 days to 02-28, 31 in March, 30 in April, 21 in May).
    const [older] = await scenario.issue(card, [['S3']]);
    const [foreign] = await scenario.issue(otherCard, [['S4']]);
    await app.projectionsCaughtUp();
    const ownLive = (await app.as(holder, 'GET', '/receipts?status=outstanding')).body.items.map((r: { receiptNumber: string }) => r.receiptNumber);
    const child = ownLive.find((n: string) => n !== older)!;

    const mixed = await app.as(holder, 'POST', '/receipts/merge', { receiptNumbers: [child, foreign] });
    expect([mixed.status, mixed.body.code]).toEqual([404, 'RECEIPT_NOT_FOUND']);
    const merged = await app.as(holder, 'POST', '/receipts/merge', { receiptNumbers: [child, older] });
    expect(merged.status).toBe(201);
    const view = (await app.as(holder, 'GET', `/receipts/${merged.body.receiptNumber}`)).body;
    expect(view).toMatchObject({ validUntil: '2026-05-21', lineage: { origin: 'merge', parents: [child, older] } });
    expect(view.weightKg).toBe(view.lots.reduce((sum: number, lot: { weightKg: number }) => sum + lot.weightKg, 0));
  });

  it('cancels to an outbound entitlement: published for the order service, lots the holder’s under the entitlement', async () => {
    await app.projectionsCaughtUp();
    const live = (await app.as(holder, 'GET', '/receipts?status=outstanding')).body.items as { receiptNumber: string; weightKg: number; lots: unknown }[];
    const target = live.at(-1)!;
    const byOther = await scenario.cancel(other, target.receiptNumber, 'pickup');
    expect([byOther.status, byOther.body.code]).toEqual([404, 'RECEIPT_NOT_FOUND']);
    const cancelled = await scenario.cancel(holder, target.receiptNumber, 'pickup');
    expect(cancelled.body).toMatchObject({ status: 'cancelled', entitlementId: `ENT-${target.receiptNumber}` });
    const twice = await scenario.cancel(holder, target.receiptNumber, 'pickup');
    expect([twice.status, twice.body.code]).toEqual([409, 'RECEIPT_CANCELLED']);

    const message = await waitFor(() => entitlements.messages.find((m) => m.key === `ENT-${target.receiptNumber}`), { describe: 'the entitlement on Kafka' });
    expect(message.headers).toMatchObject({ ce_type: OutboundEntitlementGrantedSchema.typeName, ce_source: '/dw/receipt' });
    const granted = fromBinary(OutboundEntitlementGrantedSchema, message.value);
    expect(granted).toMatchObject({
      receiptNumber: target.receiptNumber,
      holderStorageCard: card,
      holderPartyId: 'party-hengda',
      commodityCode: 'rebar',
      purpose: EntitlementPurpose.PICKUP,
    });
    expect(granted.total?.kg).toBe(BigInt(target.weightKg));
    const lots = await lotsOf();
    for (const lot of granted.lots) {
      expect(lots[lot.lotId]).toMatchObject({
        status: 'entitled',
        receiptNumber: target.receiptNumber,
        entitlementId: `ENT-${target.receiptNumber}`,
        ownerCard: card,
      });
    }
  });
});
