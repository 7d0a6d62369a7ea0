import { create, fromBinary } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  EntitledLotSchema,
  EntitlementPurpose,
  EventRegistry,
  fromWeight,
  orderEventSchemas,
  OutboundEntitlementExhaustedSchema,
  OutboundEntitlementGrantedSchema,
  PickupMethod,
  toWeight,
  WorkOrderCompletedSchema,
  WorkOrderOpenedSchema,
} from '@dw/contracts';
import { EventStore } from '@dw/event-store';
import { DomainError, ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { migrationsOf, TopicNames } from '@dw/platform';
import { createTestServiceDatabase, type TestServiceDatabase } from '@dw/testing';
import { orderServiceDefinition } from '../../order.service-definition';
import { recordStorageCardIn } from '../../storage-card/storage-cards';
import { inboxDelivery } from '../../testing/inbox-delivery.spec-helper';
import { WorkOrderOutbox } from '../../work-order/work-order-changes';
import { workOrderStream } from '../../work-order/work-order.streams';
import { StandardWorkflowsSeeder } from '../../workflow/standard-workflows.seeder';
import { application } from '../domain/pickup.test-fixtures';
import { ApplyForPickupCommandHandler } from '../commands/apply-for-pickup/apply-for-pickup.command-handler';
import { entitlementStream } from '../entitlements';
import { CompleteOutboundOrderWhenEntitlementExhaustedKafkaHandler } from './complete-outbound-order-when-entitlement-exhausted.kafka-handler';
import { RecordEntitlementWhenEntitlementGrantedKafkaHandler } from './record-entitlement-when-entitlement-granted.kafka-handler';

/**
 * The receipt service's entitlement events reaching the order service (real PostgreSQL, each
 * delivered in a transaction like the inbox's), and the holder's pickup application that opens
 * the entitlement's one outbound order.
 */
let t: TestServiceDatabase;
let store: EventStore;
let applyForPickup: ApplyForPickupCommandHandler;
let outbox: WorkOrderOutbox;
let deliver: ReturnType<typeof inboxDelivery>;
// 10:00 in Shanghai on 10 March 2026.
const clock = new ManualClock('2026-03-10T02:00:00Z');
const holder = {
  actor: { subject: 'depositor-1', role: 'depositor', partyId: 'P-0001' },
  at: '2026-03-10T02:00:00.000Z',
  metadata: { actor: { subject: 'depositor-1', role: 'depositor', partyId: 'P-0001' }, correlationId: 'int' },
};

beforeAll(async () => {
  t = await createTestServiceDatabase('order_pickup', migrationsOf(orderServiceDefinition));
  store = new EventStore(t.db, { clock, ids: new SequentialIdGenerator() });
  deliver = inboxDelivery(store);
  const topics = TopicNames.withPrefix('int');
  outbox = new WorkOrderOutbox(topics, new EventRegistry().register(...orderEventSchemas));
  applyForPickup = new ApplyForPickupCommandHandler(store, outbox, clock);
  await store.transaction((tx) =>
    recordStorageCardIn(
      tx,
      { type: 'RecordStorageCardStatus', data: { storageCard: 'SC-0001', party: 'P-0001', holderName: '恒达钢铁', status: 'approved', at: holder.at } },
      holder.metadata,
    ),
  );
  await new StandardWorkflowsSeeder(store, clock).onApplicationBootstrap();
});
afterAll(() => t?.close());

const granted = (entitlementId: string, purpose = EntitlementPurpose.PICKUP) =>
  create(OutboundEntitlementGrantedSchema, {
    entitlementId,
    receiptNumber: entitlementId.replace('ENT-', ''),
    warehouse: 'WH-SH-01',
    holderStorageCard: 'SC-0001',
    holderPartyId: 'P-0001',
    holderName: '恒达钢铁',
    commodityCode: 'rebar',
    lots: [
      create(EntitledLotSchema, { lotId: `${entitlementId}-lot-1`, pieces: 12, net: toWeight(30_120) }),
      create(EntitledLotSchema, { lotId: `${entitlementId}-lot-2`, pieces: 12, net: toWeight(29_880) }),
    ],
    total: toWeight(60_000),
    purpose,
    grantedAt: timestampFromDate(new Date('2026-03-09T02:00:00Z')),
  });
const grant = (event: ReturnType<typeof granted>) =>
  deliver((e, ctx) => new RecordEntitlementWhenEntitlementGrantedKafkaHandler().onEntitlementGranted(e, ctx), event, OutboundEntitlementGrantedSchema.typeName);
const exhausted = (entitlementId: string) =>
  create(OutboundEntitlementExhaustedSchema, {
    entitlementId,
    receiptNumber: entitlementId.replace('ENT-', ''),
    holderStorageCard: 'SC-0001',
    granted: toWeight(60_000),
    shipped: toWeight(60_040),
    overShort: toWeight(40),
    exhaustedAt: timestampFromDate(new Date('2026-03-17T08:00:00Z')),
  });
const exhaust = (event: ReturnType<typeof exhausted>) =>
  deliver(
    (e, ctx) => new CompleteOutboundOrderWhenEntitlementExhaustedKafkaHandler(outbox).onEntitlementExhausted(e, ctx),
    event,
    OutboundEntitlementExhaustedSchema.typeName,
  );
const typesOf = async (streamId: string) => (await store.readStream(streamId)).map((e) => e.type);
const refusalOfApplying = async (entitlementId: string, party: string) => {
  try {
    await applyForPickup.execute(entitlementId, application, party, holder);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the application was accepted');
};

describe('entitlements and pickup applications', () => {
  it('records a granted entitlement without opening an order; a redelivery records nothing more', async () => {
    await grant(granted('ENT-WR-1'));
    await grant(granted('ENT-WR-1'));
    expect(await typesOf(entitlementStream('ENT-WR-1'))).toEqual(['EntitlementRecorded']);
    expect(await store.streamVersion(workOrderStream('out-ENT-WR-1'))).toBe(0);
  });

  it('opens the outbound order out-<entitlementId> from the holder’s application, publishing the application on WorkOrderOpened', async () => {
    const handled = await applyForPickup.execute('ENT-WR-1', application, 'P-0001', holder);
    expect(handled.state).toMatchObject({ status: 'open', orderId: 'out-ENT-WR-1', owner: 'SC-0001', ownerParty: 'P-0001' });
    expect(await typesOf(entitlementStream('ENT-WR-1'))).toEqual(['EntitlementRecorded', 'PickupApplied']);
    expect(await typesOf(workOrderStream('out-ENT-WR-1'))).toEqual(['WorkOrderDrafted', 'WorkOrderOpened']);
    const { rows } = await t.db.query<{ payload: Buffer }>(`SELECT payload FROM outbox WHERE message_key = $1`, [workOrderStream('out-ENT-WR-1')]);
    const opened = fromBinary(WorkOrderOpenedSchema, rows[0]!.payload);
    expect(opened.entitlement).toMatchObject({ entitlementId: 'ENT-WR-1', receiptNumber: 'WR-1' });
    expect(opened.pickup).toMatchObject({
      pickupDate: { value: '2026-03-16' },
      pickupUntil: { value: '2026-03-17' },
      method: PickupMethod.SELF_COLLECT,
      collector: { name: '张伟', residentIdNumber: '11010519491231002X', mobile: '13812345678' },
      vehiclePlates: ['沪A12345', '苏ED12345'],
      appliedBy: { subject: 'depositor-1', role: 'depositor', partyId: 'P-0001' },
    });
    expect(fromWeight(opened.pickup!.quantity!)).toBe(60_000);
    expect(opened.pickup!.dailyPlan.map((day) => [day.date!.value, fromWeight(day.weight!)])).toEqual([
      ['2026-03-16', 35_000],
      ['2026-03-17', 25_000],
    ]);
  });

  it('refuses a second application for the entitlement, another party’s and an unknown one, writing nothing', async () => {
    const before = await store.streamVersion(entitlementStream('ENT-WR-1'));
    expect(await refusalOfApplying('ENT-WR-1', 'P-0001')).toMatchObject({ code: 'PICKUP_ALREADY_APPLIED', details: { orderId: 'out-ENT-WR-1' } });
    await grant(granted('ENT-WR-2'));
    expect(await refusalOfApplying('ENT-WR-2', 'P-0009')).toMatchObject({ code: 'ENTITLEMENT_NOT_FOUND' });
    expect(await refusalOfApplying('ENT-WR-404', 'P-0001')).toMatchObject({ code: 'ENTITLEMENT_NOT_FOUND' });
    expect(await store.streamVersion(entitlementStream('ENT-WR-1'))).toBe(before);
    expect(await typesOf(entitlementStream('ENT-WR-2'))).toEqual(['EntitlementRecorded']);
    expect(await store.streamVersion(workOrderStream('out-ENT-WR-2'))).toBe(0);
  });

  it('records a spot conversion, on which the holder may later apply to pick the goods up', async () => {
    await grant(granted('ENT-WR-3', EntitlementPurpose.SPOT_CONVERSION));
    expect(await store.streamVersion(workOrderStream('out-ENT-WR-3'))).toBe(0);
    const handled = await applyForPickup.execute('ENT-WR-3', application, 'P-0001', holder);
    expect(handled.state).toMatchObject({ status: 'open', type: 'outbound' });
  });

  it('completes the outbound order when the entitlement is exhausted, naming the fact, once however often it is delivered', async () => {
    await exhaust(exhausted('ENT-WR-1'));
    await exhaust(exhausted('ENT-WR-1'));
    expect(await typesOf(entitlementStream('ENT-WR-1'))).toEqual(['EntitlementRecorded', 'PickupApplied', 'EntitlementExhausted']);
    const events = await store.readStream(workOrderStream('out-ENT-WR-1'));
    expect(events.map((e) => e.type)).toEqual(['WorkOrderDrafted', 'WorkOrderOpened', 'WorkOrderCompleted']);
    expect(events.at(-1)!.data).toMatchObject({
      actor: 'service:order',
      at: '2026-03-17T08:00:00.000Z',
      cause: { eventType: OutboundEntitlementExhaustedSchema.typeName, reference: 'ENT-WR-1' },
    });
    const { rows } = await t.db.query<{ payload: Buffer }>(`SELECT payload FROM outbox WHERE message_key = $1 AND headers->>'ce_type' = $2`, [
      workOrderStream('out-ENT-WR-1'),
      WorkOrderCompletedSchema.typeName,
    ]);
    expect(rows.map((row) => fromBinary(WorkOrderCompletedSchema, row.payload))).toEqual([
      expect.objectContaining({ completedByEventType: OutboundEntitlementExhaustedSchema.typeName, completedByReference: 'ENT-WR-1' }),
    ]);
    // An exhausted entitlement takes no further application.
    await expect(refusalOfApplying('ENT-WR-1', 'P-0001')).resolves.toMatchObject({ code: 'ENTITLEMENT_EXHAUSTED' });
  });

  it('records the exhaustion of an entitlement nobody applied on, and opens or completes nothing', async () => {
    await exhaust(exhausted('ENT-WR-2'));
    expect(await typesOf(entitlementStream('ENT-WR-2'))).toEqual(['EntitlementRecorded', 'EntitlementExhausted']);
    expect(await store.streamVersion(workOrderStream('out-ENT-WR-2'))).toBe(0);
  });
});
