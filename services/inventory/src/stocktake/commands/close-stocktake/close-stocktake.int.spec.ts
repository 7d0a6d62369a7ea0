import { fromBinary } from '@bufbuild/protobuf';
import {
  EventRegistry,
  fromWeight,
  inventoryEventSchemas,
  inventoryLotTopic,
  inventoryOperationTopic,
  StockShortfallDetectedSchema,
  StockVarianceAppliedSchema,
  StockVarianceEvidence,
  topicName,
} from '@dw/contracts';
import { EventStore } from '@dw/event-store';
import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { OutboxRelay } from '@dw/messaging';
import { migrationsOf, TopicNames, type Caller } from '@dw/platform';
import {
  createTestServiceDatabase,
  createTestTopics,
  deleteTestTopics,
  testMessageBus,
  TopicRecorder,
  uniqueName,
  waitFor,
  type TestServiceDatabase,
} from '@dw/testing';
import { inventoryServiceDefinition } from '../../../inventory.service-definition';
import { FloorOperations } from '../../../operation/floor-operations';
import { OperationRefusals } from '../../../operation/operation-refusals';
import { streams } from '../../../shared/inventory.streams';
import type { StockEvent } from '../../../stock/domain/stock.events';
import { ApproveVarianceCommandHandler } from '../approve-variance/approve-variance.command-handler';
import { CountPieceCommandHandler } from '../count-piece/count-piece.command-handler';
import { ExplainVarianceCommandHandler } from '../explain-variance/explain-variance.command-handler';
import { FinishCountCommandHandler } from '../finish-count/finish-count.command-handler';
import { RecordCountScaleReadingCommandHandler } from '../record-count-scale-reading/record-count-scale-reading.command-handler';
import { StartStocktakeCommandHandler } from '../start-stocktake/start-stocktake.command-handler';
import { countRecorded, lotBookedInS1, setupAt, stocktakeOrderPlanned } from '../../stocktake.int-fixtures.spec-helper';
import { StocktakeFloorWork } from '../stocktake-floor-work';
import { CloseStocktakeCommandHandler } from './close-stocktake.command-handler';

/**
 * Stocktake corrections on real PostgreSQL and Kafka: a variance reaches the lot's stock book
 * only with its evidence (a manager's approval for a loss, a signed scale reading or an approval
 * for a gain), in the close's one transaction, and each correction goes out on inventory.lot.v1
 * through the outbox relay, with a shortfall alarm for a loss.
 */
let t: TestServiceDatabase;
let store: EventStore;
/** The stocktake's use cases, each its own handler, as the module wires them. */
let stocktakes: {
  start: StartStocktakeCommandHandler['execute'];
  count: CountPieceCommandHandler['execute'];
  recordScaleReading: RecordCountScaleReadingCommandHandler['execute'];
  finishCount: FinishCountCommandHandler['execute'];
  explain: ExplainVarianceCommandHandler['execute'];
  approve: ApproveVarianceCommandHandler['execute'];
  close: CloseStocktakeCommandHandler['execute'];
};
let relay: OutboxRelay;
let recorder: TopicRecorder;
const bus = testMessageBus();
const prefix = uniqueName('invst');
const lotTopic = topicName(inventoryLotTopic, prefix);
const clock = new ManualClock('2025-03-31T07:00:00Z');
const counter: Caller = { principal: { subject: 'counter-5', roles: ['operator'] }, correlationId: 'int' };
const manager: Caller = { principal: { subject: 'manager-2', roles: ['manager'] }, correlationId: 'int' };
const countingManager: Caller = { principal: { subject: 'manager-9', roles: ['manager'] }, correlationId: 'int' };
const scale: Caller = { principal: { subject: 'SCALE-07', roles: ['device'] }, correlationId: 'int' };
const lotId = 'lot-wo-in-1';

const stockEvents = async () => (await store.readStream<StockEvent>(streams.stock(lotId).id)).map((e) => ({ type: e.type, data: e.data }) as StockEvent);
const published = (typeName: string) => recorder.messages.filter((m) => m.headers.ce_type === typeName);

beforeAll(async () => {
  t = await createTestServiceDatabase('inventory_stocktake', migrationsOf(inventoryServiceDefinition));
  const ids = new SequentialIdGenerator();
  store = new EventStore(t.db, { clock, ids });
  const topics = TopicNames.withPrefix(prefix);
  const registry = new EventRegistry().register(...inventoryEventSchemas);
  const work = new StocktakeFloorWork(new FloorOperations(store, new OperationRefusals(store, ids, topics, registry), clock), topics, registry);
  const [start, count, recordScaleReading, finishCount, explain, approve, close] = [
    new StartStocktakeCommandHandler(work),
    new CountPieceCommandHandler(work),
    new RecordCountScaleReadingCommandHandler(work),
    new FinishCountCommandHandler(work),
    new ExplainVarianceCommandHandler(work),
    new ApproveVarianceCommandHandler(work),
    new CloseStocktakeCommandHandler(work, topics, registry),
  ];
  stocktakes = {
    start: start.execute.bind(start),
    count: count.execute.bind(count),
    recordScaleReading: recordScaleReading.execute.bind(recordScaleReading),
    finishCount: finishCount.execute.bind(finishCount),
    explain: explain.execute.bind(explain),
    approve: approve.execute.bind(approve),
    close: close.execute.bind(close),
  };
  await createTestTopics(bus, [lotTopic, topicName(inventoryOperationTopic, prefix)]);
  recorder = await new TopicRecorder(bus, [lotTopic]).start();
  relay = new OutboxRelay(t.db, bus, { pollIntervalMs: 200 });
  await relay.start();
  await lotBookedInS1(store, lotId);
});

afterAll(async () => {
  await relay?.drain();
  await recorder?.stop();
  await deleteTestTopics(bus, [lotTopic, topicName(inventoryOperationTopic, prefix)]).catch(() => undefined);
  await t?.close();
});

describe('stocktake corrections on PostgreSQL and Kafka', () => {
  it('applies a missing piece to the book only after a manager who did not count approves it', async () => {
    await stocktakeOrderPlanned(store, 'wo-st-1');
    const { stocktakeId } = await stocktakes.start('wo-st-1', { locationIds: ['S1'] }, counter);
    await stocktakes.count(stocktakeId, { barcode: 'B1', locationId: 'S1', weighedKg: null }, counter);
    await stocktakes.finishCount(stocktakeId, countingManager);
    await countRecorded(store, 'wo-st-1');
    await stocktakes.explain(stocktakeId, 'missing_piece:B2', 'not in S1 nor the next rows', counter);

    await expect(stocktakes.close(stocktakeId, counter)).rejects.toMatchObject({
      code: 'WRITE_OFF_NOT_APPROVED',
      details: { varianceIds: ['missing_piece:B2'] },
    });
    expect((await stockEvents()).map((e) => e.type)).toEqual(['StockReceived']);
    // manager-9 finished the count, counter-5 counted: neither may approve what they counted
    await expect(stocktakes.approve(stocktakeId, 'missing_piece:B2', 'written off', countingManager)).rejects.toMatchObject({ code: 'APPROVER_IS_COUNTER' });
    await expect(stocktakes.approve(stocktakeId, 'missing_piece:B2', 'written off', counter)).rejects.toMatchObject({ code: 'APPROVER_IS_COUNTER' });
    const refused = await t.db.query<{ code: string }>(
      `SELECT data->>'code' AS code FROM events WHERE event_type = 'OperationRefused' ORDER BY global_position`,
    );
    expect(refused.rows.map((r) => r.code)).toEqual(['WRITE_OFF_NOT_APPROVED', 'APPROVER_IS_COUNTER', 'APPROVER_IS_COUNTER']);

    await stocktakes.approve(stocktakeId, 'missing_piece:B2', 'searched rows 1–3 twice; written off', manager);
    await expect(
      stocktakes.approve(stocktakeId, 'missing_piece:B2', 'again', { principal: { subject: 'manager-3', roles: ['manager'] }, correlationId: 'int' }),
    ).rejects.toMatchObject({
      code: 'VARIANCE_ALREADY_APPROVED',
    });
    expect(await stocktakes.close(stocktakeId, counter)).toMatchObject({ status: 'closed', variancesApplied: 1 });

    // 2 pieces / 4,000 kg less B2 (1 piece, 2,000 kg) = 1 piece / 2,000 kg on the book
    const [, applied] = await stockEvents();
    expect(applied).toMatchObject({
      type: 'StockVarianceApplied',
      data: {
        varianceId: 'missing_piece:B2',
        delta: { pieces: -1, kg: -2_000 },
        evidence: { reading: null, approval: { approver: 'manager-2', reason: 'searched rows 1–3 twice; written off' } },
      },
    });
    expect((await store.readStream(streams.location('S1').id)).map((e) => e.type)).toEqual(['LocationDefined', 'GoodsPutAway', 'GoodsRemoved']);

    const [variance] = await waitFor(
      () => (published(StockVarianceAppliedSchema.typeName).length >= 1 ? published(StockVarianceAppliedSchema.typeName) : undefined),
      {
        describe: 'StockVarianceApplied on inventory.lot.v1',
      },
    );
    expect(variance!.key).toBe(lotId);
    const message = fromBinary(StockVarianceAppliedSchema, variance!.value);
    expect(message).toMatchObject({
      lotId,
      stocktakeId,
      varianceId: 'missing_piece:B2',
      deltaPieces: -1,
      evidence: StockVarianceEvidence.MANAGER_APPROVAL,
      approver: 'manager-2',
    });
    expect(fromWeight(message.delta!)).toBe(-2_000);
    const [alarm] = await waitFor(
      () => (published(StockShortfallDetectedSchema.typeName).length >= 1 ? published(StockShortfallDetectedSchema.typeName) : undefined),
      {
        describe: 'StockShortfallDetected on inventory.lot.v1',
      },
    );
    expect(alarm!.key).toBe(lotId);
    expect(fromBinary(StockShortfallDetectedSchema, alarm!.value)).toMatchObject({
      lotId,
      ownerStorageCard: 'SC-0001',
      stocktakeId,
      varianceId: 'missing_piece:B2',
      deltaPieces: -1,
    });
  });

  it('applies a gain weighed on a signed scale during the count without approval, and publishes it with the reading', async () => {
    await stocktakeOrderPlanned(store, 'wo-st-2');
    const { stocktakeId } = await stocktakes.start('wo-st-2', { locationIds: ['S1'] }, counter);
    await stocktakes.count(stocktakeId, { barcode: 'B1', locationId: 'S1', weighedKg: 2_000 }, counter);
    await expect(
      stocktakes.recordScaleReading(
        stocktakeId,
        { readingId: 'R-1', subject: { kind: 'piece', barcode: 'B2' }, grossKg: 2_350, tareKg: 300, weighedAt: setupAt },
        scale,
      ),
    ).rejects.toMatchObject({ code: 'PIECE_NOT_COUNTED' });
    // B1 on scale 07: 2,350 − 300 = 2,050 kg against 2,000 booked; 30 bp allows 6 kg, so +50 kg is a variance
    await stocktakes.recordScaleReading(
      stocktakeId,
      { readingId: 'R-1', subject: { kind: 'piece', barcode: 'B1' }, grossKg: 2_350, tareKg: 300, weighedAt: setupAt },
      scale,
    );
    await stocktakes.finishCount(stocktakeId, counter);
    await countRecorded(store, 'wo-st-2');
    await stocktakes.explain(stocktakeId, 'weight_variance:B1', 'label weight was theoretical', counter);
    expect(await stocktakes.close(stocktakeId, counter)).toMatchObject({ status: 'closed', variancesApplied: 1 });

    // 1 piece / 2,000 kg + 50 kg
    expect((await stockEvents()).at(-1)).toMatchObject({
      type: 'StockVarianceApplied',
      data: {
        varianceId: 'weight_variance:B1',
        delta: { pieces: 0, kg: 50 },
        evidence: { reading: { scaleId: 'SCALE-07', readingId: 'R-1' }, approval: null },
      },
    });
    const gain = await waitFor(() =>
      published(StockVarianceAppliedSchema.typeName)
        .map((m) => fromBinary(StockVarianceAppliedSchema, m.value))
        .find((m) => m.stocktakeId === stocktakeId),
    );
    expect(gain).toMatchObject({
      varianceId: 'weight_variance:B1',
      evidence: StockVarianceEvidence.SCALE_READING,
      scaleId: 'SCALE-07',
      readingId: 'R-1',
      approver: '',
    });
    expect(fromWeight(gain.delta!)).toBe(50);
    // a gain is no shortfall: still only the one alarm, for B2
    expect(published(StockShortfallDetectedSchema.typeName)).toHaveLength(1);
  });
});
