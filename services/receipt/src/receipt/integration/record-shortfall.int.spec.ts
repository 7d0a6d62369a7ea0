import { fromBinary } from '@bufbuild/protobuf';
import { ReceiptGoodsShortfallRecordedSchema, ReceiptGoodsShortfallResolvedSchema, ReceiptShortfallResolution, receiptReceiptTopic } from '@dw/contracts';
import { ManualClock } from '@dw/kernel';
import { TopicRecorder, testMessageBus, waitFor } from '@dw/testing';
import { ReceiptTestApp } from '../../testing/receipt-test-app.spec-helper';
import { ReceiptScenario, TONNE_RULE, clerk, depositor, manager } from '../../testing/receipt-scenario.spec-helper';

/**
 * Inventory's StockShortfallDetected on the real topic, through the inbox, on real PostgreSQL and
 * Kafka: a stocktake write-off of a live receipt's goods is recorded on the receipt once, published
 * on receipt.receipt.v1, and the receipt's title stops moving (RECEIPT_GOODS_SHORT) until a manager
 * records how the warehouse answered for the goods.
 */
describe('stocktake shortfalls from inventory on a receipt', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let app: ReceiptTestApp;
  let scenario: ReceiptScenario;
  let recorder: TopicRecorder;
  const holder = depositor('party-hengda');
  const buyer = depositor('party-huadong');
  const holderName = '恒达钢铁贸易有限公司';
  let card: string;
  let buyerCard: string;

  beforeAll(async () => {
    app = await ReceiptTestApp.start('shortfall', { clock, consume: true });
    scenario = new ReceiptScenario(app);
    card = await scenario.openCard(holder, holderName);
    buyerCard = await scenario.openCard(buyer, '华东建材有限公司');
    await scenario.publishRule('rebar', TONNE_RULE, '2026-03-10');
    await scenario.lotsBecomeAvailable([
      { lotId: 'S1', ownerCard: card, weightKg: 10_000, producedOn: '2026-03-01' },
      { lotId: 'S2', ownerCard: card, weightKg: 6_000, producedOn: '2026-03-01' },
      { lotId: 'S3', ownerCard: card, weightKg: 5_000, producedOn: '2026-03-01' },
      { lotId: 'S4', ownerCard: card, weightKg: 4_000, producedOn: '2026-03-01' },
      { lotId: 'S5', ownerCard: card, weightKg: 3_000, producedOn: '2026-03-01' },
    ]);
    recorder = await new TopicRecorder(testMessageBus(), [app.topic(receiptReceiptTopic)]).start();
  });
  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
  });

  const receiptEvents = async (receiptNumber: string) =>
    (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1`, [`receipt-${receiptNumber}`])).rows[0]!.n;
  const shortfallsOf = async (receiptNumber: string, count: number) =>
    waitFor(
      async () => {
        const receipt = (await app.as(holder, 'GET', `/receipts/${receiptNumber}`)).body;
        return receipt.shortfalls?.length === count ? receipt : undefined;
      },
      { timeoutMs: 60_000, describe: `${receiptNumber} with ${count} shortfall(s)` },
    );
  /** Messages the service has taken from its topics, each once, whether or not a handler acted on it. */
  const inboxCount = async () => (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox`)).rows[0]!.n;
  const transfer = (receiptNumber: string) => scenario.transfer(holder, { holderName, storageCard: card }, buyerCard, [receiptNumber]);
  const resolution = (receiptNumber: string, varianceId: string) => `/receipts/${receiptNumber}/shortfalls/${encodeURIComponent(varianceId)}/resolution`;
  const found = { outcome: 'replenished', reference: 'ST-2/weight_variance:P-S1-3', reason: 'the coil was found in bay Y3 at the recount' };

  it('a shortfall from inventory stops the receipt’s transfer until a manager resolves it, and both reach receipt.receipt.v1', async () => {
    const [receipt] = await scenario.issue(card, [['S1']]);
    // One 2 500 kg coil of S1 missing at stocktake ST-1, the receipt pledged to ICBC as inventory saw it.
    const alarm = {
      lotId: 'S1',
      ownerCard: card,
      receiptNumber: receipt!,
      varianceId: 'missing_piece:P-S1-3',
      deltaPieces: -1,
      deltaKg: -2_500,
      pledgedTo: ['bank-icbc'],
    };
    await scenario.stockShortfallDetected(alarm);
    const short = await shortfallsOf(receipt!, 1);
    expect(short.shortfalls).toEqual([
      expect.objectContaining({ varianceId: 'missing_piece:P-S1-3', stocktakeId: 'ST-1', lotId: 'S1', deltaPieces: -1, deltaKg: -2_500, resolution: null }),
    ]);
    // At-least-once delivery: the same alarm again, as a new message, records nothing more; nor
    // does a shortfall of goods inventory names no receipt for (S2 backs no title).
    const before = await receiptEvents(receipt!);
    const consumed = await inboxCount();
    await scenario.stockShortfallDetected(alarm);
    await scenario.stockShortfallDetected({
      lotId: 'S2',
      ownerCard: card,
      receiptNumber: '',
      varianceId: 'missing_piece:P-S2-1',
      deltaPieces: -1,
      deltaKg: -3_000,
    });
    await waitFor(async () => (await inboxCount()) === consumed + 2, { timeoutMs: 60_000, describe: 'both messages through the inbox' });
    expect(await receiptEvents(receipt!)).toBe(before);
    expect((await app.as(holder, 'GET', `/receipts/${receipt}`)).body.shortfalls).toHaveLength(1);
    const recorded = await waitFor(
      () => recorder.messages.find((m) => m.key === `receipt-${receipt}` && m.headers.ce_type === ReceiptGoodsShortfallRecordedSchema.typeName),
      { timeoutMs: 60_000, describe: 'ReceiptGoodsShortfallRecorded on receipt.receipt.v1' },
    );
    expect(fromBinary(ReceiptGoodsShortfallRecordedSchema, recorded.value)).toMatchObject({
      receiptNumber: receipt,
      lotId: 'S1',
      varianceId: 'missing_piece:P-S1-3',
      delta: { kg: -2_500n },
      pledgedTo: ['bank-icbc'],
      openShortfalls: 1,
      holder: { storageCard: card },
    });

    const refused = await transfer(receipt!);
    expect([refused.status, refused.body.code]).toEqual([409, 'RECEIPT_GOODS_SHORT']);
    // A batch transfer names the line refused and why.
    expect(refused.body.details.failures).toEqual([
      {
        line: 0,
        receiptNumber: receipt,
        code: 'RECEIPT_GOODS_SHORT',
        details: { receiptNumber: receipt, shortfalls: [{ varianceId: 'missing_piece:P-S1-3', lotId: 'S1', deltaPieces: -1, deltaKg: -2_500 }] },
      },
    ]);
    expect(await receiptEvents(receipt!)).toBe(before);

    // Only a manager records the resolution, of a shortfall the receipt has, once.
    expect((await app.as(clerk, 'POST', resolution(receipt!, 'missing_piece:P-S1-3'), found)).status).toBe(403);
    const unknown = await app.as(manager, 'POST', resolution(receipt!, 'missing_piece:P-S1-9'), found);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'SHORTFALL_NOT_FOUND']);
    const resolved = await app.as(manager, 'POST', resolution(receipt!, 'missing_piece:P-S1-3'), found);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ receiptNumber: receipt, varianceId: 'missing_piece:P-S1-3', outcome: 'replenished', openShortfalls: 0 });
    const again = await app.as(manager, 'POST', resolution(receipt!, 'missing_piece:P-S1-3'), { ...found, outcome: 'settled' });
    expect([again.status, again.body.code]).toEqual([409, 'SHORTFALL_ALREADY_RESOLVED']);

    const accepted = await transfer(receipt!);
    expect(accepted.status).toBe(201);
    // The list (the receipts read model) keeps the shortfall with how it was resolved.
    await app.projectionsCaughtUp();
    const listed = (await app.as(clerk, 'GET', `/receipts?holderCard=${buyerCard}`)).body.items;
    expect(listed).toEqual([
      expect.objectContaining({
        receiptNumber: receipt,
        shortfalls: [
          expect.objectContaining({
            varianceId: 'missing_piece:P-S1-3',
            resolution: { ...found, resolvedBy: manager.sub, resolvedAt: clock.now().toISOString() },
          }),
        ],
      }),
    ]);
    const published = await waitFor(
      () => recorder.messages.find((m) => m.key === `receipt-${receipt}` && m.headers.ce_type === ReceiptGoodsShortfallResolvedSchema.typeName),
      { timeoutMs: 60_000, describe: 'ReceiptGoodsShortfallResolved on receipt.receipt.v1' },
    );
    expect(fromBinary(ReceiptGoodsShortfallResolvedSchema, published.value)).toMatchObject({
      varianceId: 'missing_piece:P-S1-3',
      resolution: ReceiptShortfallResolution.REPLENISHED,
      reference: 'ST-2/weight_variance:P-S1-3',
      openShortfalls: 0,
    });
  });

  it('records an alarm still naming a split parent on the child the lot backs now, and nothing for a cancelled receipt', async () => {
    const [parent] = await scenario.issue(card, [['S3', 'S4']]);
    const split = await app.as(holder, 'POST', `/receipts/${parent}/split`, {
      children: [
        { lotIds: ['S3'], weightKg: 5_000 },
        { lotIds: ['S4'], weightKg: 4_000 },
      ],
    });
    expect(split.status).toBe(201);
    const children = split.body.children as string[];
    // Inventory had not yet seen the split: its alarm for S4 still names the parent.
    await scenario.stockShortfallDetected({
      lotId: 'S4',
      ownerCard: card,
      receiptNumber: parent!,
      varianceId: 'missing_piece:P-S4-2',
      deltaPieces: -1,
      deltaKg: -1_000,
    });
    const child = await shortfallsOf(children[1]!, 1);
    expect(child.shortfalls[0]).toMatchObject({ varianceId: 'missing_piece:P-S4-2', lotId: 'S4', deltaKg: -1_000, resolution: null });
    expect((await app.as(holder, 'GET', `/receipts/${children[0]}`)).body.shortfalls).toEqual([]);
    expect((await app.as(holder, 'GET', `/receipts/${parent}`)).body.shortfalls).toEqual([]);

    // A receipt cancelled to spot goods: the goods are the holder's own stock, no title to stop.
    const [cancelled] = await scenario.issue(card, [['S5']]);
    await scenario.expectStatus(await scenario.cancel(holder, cancelled!, 'spot-conversion'), 200);
    const before = await receiptEvents(cancelled!);
    const consumed = await inboxCount();
    await scenario.stockShortfallDetected({
      lotId: 'S5',
      ownerCard: card,
      receiptNumber: cancelled!,
      varianceId: 'missing_piece:P-S5-1',
      deltaPieces: -1,
      deltaKg: -1_000,
    });
    await waitFor(async () => (await inboxCount()) === consumed + 1, { timeoutMs: 60_000, describe: 'the alarm through the inbox' });
    expect(await receiptEvents(cancelled!)).toBe(before);
  });
});
