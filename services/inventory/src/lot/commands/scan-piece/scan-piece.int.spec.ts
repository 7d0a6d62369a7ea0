import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { EventRegistry, inventoryEventSchemas, OperationRefusedSchema, orderEventSchemas, WorkOrderCompletedSchema } from '@dw/contracts';
import { EventStore } from '@dw/event-store';
import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import type { IncomingMessage } from '@dw/messaging';
import { InboxContext, migrationsOf, TopicNames, type Caller } from '@dw/platform';
import { createTestServiceDatabase, type TestServiceDatabase } from '@dw/testing';
import { NoteWorkOrdersKafkaHandler } from '../../../authority/integration/note-work-orders.kafka-handler';
import type { OrderAuthorityEvent } from '../../../authority/domain/order-authority.events';
import { rebar20Shagang, registered, tolerancePublished, wireRod } from '../../../commodity/domain/commodity.test-fixtures';
import { inventoryServiceDefinition } from '../../../inventory.service-definition';
import { FloorOperations } from '../../../operation/floor-operations';
import { OperationRefusals } from '../../../operation/operation-refusals';
import { streams } from '../../../shared/inventory.streams';
import { ReceiveStockCommandHandler } from '../../../stock/commands/receive-stock/receive-stock.command-handler';
import { StockDecisions } from '../../../stock/stock-decisions';
import { LotOperations } from '../../lot-operations';
import { CompleteReceivingCommandHandler } from '../complete-receiving/complete-receiving.command-handler';
import { ScanPieceCommandHandler } from './scan-piece.command-handler';

/**
 * Receiving on real PostgreSQL: an operation's decisions across streams (order record, lot,
 * barcode) commit together or not at all, and every refusal is recorded for ops on its own.
 */
let t: TestServiceDatabase;
let store: EventStore;
let scanPiece: ScanPieceCommandHandler;
let completions: NoteWorkOrdersKafkaHandler;
const clock = new ManualClock('2025-03-04T03:00:00Z');
const operator: Caller = { principal: { subject: 'operator-12', roles: ['operator'] }, correlationId: 'int' };
const metadata = { actor: { subject: 'desk-clerk-7', role: 'clerk' }, correlationId: 'int' };
const steps = ['notice', 'arrival', 'unload_tally', 'weigh', 'inspect', 'put_away', 'confirm'].map((code) => ({
  code,
  name: code,
  check: code === 'weigh' ? ('scale_reading' as const) : code === 'inspect' ? ('inspection_report' as const) : ('none' as const),
  required: true,
  movesGoods: false,
}));

/** The order service's facts about an inbound order, as inventory records them: opened, notice and arrival done. */
async function inboundOrderArrived(orderId: string, commodity = rebar20Shagang.code): Promise<void> {
  const events: OrderAuthorityEvent[] = [
    {
      type: 'OrderAuthorityOpened',
      data: {
        orderId,
        type: 'inbound',
        warehouse: 'WH-SH-01',
        owner: 'SC-0001',
        ownerParty: 'P-A',
        commodity,
        expected: { pieces: 3, kg: 6_000 },
        workflowId: 'inbound/*/*',
        workflowVersion: 1,
        steps,
        openedAt: '2025-03-04T01:00:00Z',
      },
    },
    { type: 'OrderAuthorityStepRecorded', data: { orderId, step: 'notice', sequence: 1, recordedBy: 'desk-clerk-7', recordedAt: '2025-03-04T01:00:00Z' } },
    { type: 'OrderAuthorityStepRecorded', data: { orderId, step: 'arrival', sequence: 2, recordedBy: 'desk-clerk-7', recordedAt: '2025-03-04T01:00:00Z' } },
  ];
  await store.append({ streamId: streams.authority(orderId).id, streamType: 'order-authority', expectedVersion: 'no_stream', events, metadata });
}
const refusals = async () =>
  (
    await t.db.query<{ data: { code: string; operation: string; orderId: string | null; subject: string } }>(
      `SELECT data FROM events WHERE event_type = 'OperationRefused' ORDER BY global_position`,
    )
  ).rows.map((r) => r.data);
const scan = (orderId: string, barcode: string) => scanPiece.execute(orderId, { barcode, kind: 'bundle', productionDate: '2025-02-20' }, operator);

beforeAll(async () => {
  t = await createTestServiceDatabase('inventory_lot', migrationsOf(inventoryServiceDefinition));
  const ids = new SequentialIdGenerator();
  store = new EventStore(t.db, { clock, ids });
  const topics = TopicNames.withPrefix('int');
  const registry = new EventRegistry().register(...inventoryEventSchemas, ...orderEventSchemas);
  const refusalsRecorder = new OperationRefusals(store, ids, topics, registry);
  const floor = new FloorOperations(store, refusalsRecorder, clock);
  const lots = new LotOperations(floor, topics, registry);
  scanPiece = new ScanPieceCommandHandler(floor, lots);
  completions = new NoteWorkOrdersKafkaHandler(
    new CompleteReceivingCommandHandler(lots),
    new ReceiveStockCommandHandler(new StockDecisions(store, topics, registry)),
    refusalsRecorder,
  );
  await store.append({
    streamId: streams.catalogue.id,
    streamType: 'commodity-catalogue',
    expectedVersion: 'no_stream',
    // Rebar's tolerance: ±30 bp from 2025-03-03, ±50 bp from 2025-03-05; wire rod has none.
    events: [
      registered(rebar20Shagang),
      registered(wireRod),
      tolerancePublished(rebar20Shagang.code, 30, '2025-03-03', 1),
      tolerancePublished(rebar20Shagang.code, 50, '2025-03-05', 2),
    ],
    metadata,
  });
});
afterAll(() => t?.close());

describe('receiving on PostgreSQL', () => {
  it('refuses a scan no order authorises: nothing appended but the refusal, published for ops', async () => {
    await expect(scan('wo-none', 'B1')).rejects.toMatchObject({ code: 'NO_AUTHORISING_ORDER' });
    expect(await store.streamVersion(streams.barcode('WH-SH-01', 'B1').id)).toBe(0);
    expect(await store.streamVersion(streams.lot('lot-wo-none').id)).toBe(0);
    expect(await refusals()).toEqual([expect.objectContaining({ code: 'NO_AUTHORISING_ORDER', operation: 'receive', orderId: 'wo-none', subject: 'B1' })]);
    const { rows } = await t.db.query<{ type: string; topic: string }>(`SELECT headers->>'ce_type' AS type, topic FROM outbox ORDER BY id`);
    expect(rows).toEqual([{ type: OperationRefusedSchema.typeName, topic: 'int.inventory.operation.v1' }]);
  });

  it('opens the lot on the first scan and claims the barcode for the warehouse', async () => {
    await inboundOrderArrived('wo-1');
    expect(await scan('wo-1', 'B1')).toMatchObject({ lotId: 'lot-wo-1', pieces: 1 });
    expect((await store.readStream(streams.barcode('WH-SH-01', 'B1').id)).map((e) => e.type)).toEqual(['BarcodeClaimed']);
  });

  it("refuses a barcode already on another order's lot, and rolls back the second lot it would have opened", async () => {
    await inboundOrderArrived('wo-2');
    await expect(scan('wo-2', 'B1')).rejects.toMatchObject({ code: 'DUPLICATE_BARCODE', details: { barcode: 'B1', lotId: 'lot-wo-1', orderId: 'wo-1' } });
    expect(await store.streamVersion(streams.lot('lot-wo-2').id)).toBe(0);
    expect((await refusals()).at(-1)).toMatchObject({ code: 'DUPLICATE_BARCODE', orderId: 'wo-2' });
  });

  it('lets six handhelds scan one lot at once: every scan lands once', async () => {
    // A scan loses a race only to another scan that committed, so with six at once each loses
    // at most five times: within the five retries, always.
    await Promise.all(Array.from({ length: 6 }, (_, i) => scan('wo-1', `C${i}`)));
    const scanned = (await store.readStream(streams.lot('lot-wo-1').id)).filter((e) => e.type === 'PieceScanned');
    expect(scanned).toHaveLength(7);
  });

  it('refuses to open a lot for a commodity not in the master data (UNKNOWN_COMMODITY)', async () => {
    await inboundOrderArrived('wo-3', 'no-such-sku');
    await expect(scan('wo-3', 'D1')).rejects.toMatchObject({ code: 'UNKNOWN_COMMODITY', details: { code: 'no-such-sku' } });
    expect(await store.streamVersion(streams.barcode('WH-SH-01', 'D1').id)).toBe(0);
  });

  it('opens a lot with its commodity’s tolerance version in force that day (Shanghai), and none for a commodity without one', async () => {
    // wo-1's lot opened on 2025-03-04 (Shanghai): version 1, 30 bp
    expect((await store.readStream(streams.lot('lot-wo-1').id))[0]).toMatchObject({ type: 'LotOpened', data: { toleranceBps: 30 } });
    // 2025-03-04T16:30Z is already 2025-03-05 00:30 in Shanghai: version 2, 50 bp
    clock.set('2025-03-04T16:30:00Z');
    try {
      await inboundOrderArrived('wo-4');
      await scan('wo-4', 'E1');
      expect((await store.readStream(streams.lot('lot-wo-4').id))[0]).toMatchObject({ type: 'LotOpened', data: { toleranceBps: 50 } });
      await inboundOrderArrived('wo-5', wireRod.code);
      await expect(scan('wo-5', 'F1')).rejects.toMatchObject({ code: 'NO_WEIGHT_TOLERANCE_IN_FORCE', details: { code: wireRod.code, date: '2025-03-05' } });
      expect(await store.streamVersion(streams.lot('lot-wo-5').id)).toBe(0);
      expect(await store.streamVersion(streams.barcode('WH-SH-01', 'F1').id)).toBe(0);
      expect((await refusals()).at(-1)).toMatchObject({ code: 'NO_WEIGHT_TOLERANCE_IN_FORCE', operation: 'receive', orderId: 'wo-5' });
    } finally {
      clock.set('2025-03-04T03:00:00Z');
    }
  });

  it('records a completion the lot cannot follow as a refused operation, and still closes the order record', async () => {
    const completed = create(WorkOrderCompletedSchema, {
      orderId: 'wo-1',
      steps: [],
      completedBy: { subject: 'desk-clerk-7', role: 'clerk', partyId: '' },
      completedAt: timestampFromDate(new Date('2025-03-04T05:00:00Z')),
    });
    const message: IncomingMessage = { topic: 'int', partition: 0, offset: '1', key: null, value: Buffer.alloc(0), headers: {}, timestamp: '0' };
    await store.transaction((tx) => completions.onCompleted(completed, new InboxContext(tx, message, 'm-1', WorkOrderCompletedSchema.typeName, 'inventory')));
    expect((await refusals()).at(-1)).toMatchObject({ code: 'RECEIVING_INCOMPLETE', operation: 'complete_receiving', orderId: 'wo-1' });
    expect(await store.streamVersion(streams.stock('lot-wo-1').id)).toBe(0);
    expect((await store.readStream(streams.authority('wo-1').id)).at(-1)).toMatchObject({ type: 'OrderAuthorityClosed', data: { status: 'completed' } });
  });
});
