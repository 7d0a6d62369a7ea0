import { EventStore } from '@dw/event-store';
import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { migrationsOf } from '@dw/platform';
import { createTestServiceDatabase, type TestServiceDatabase } from '@dw/testing';
import { orderServiceDefinition } from '../order.service-definition';
import { StandardWorkflowsSeeder } from './standard-workflows.seeder';
import { workflowStream } from './workflow.streams';

/** The default workflows seeded on real PostgreSQL, once across restarts. */
let t: TestServiceDatabase;
let store: EventStore;
const clock = new ManualClock('2025-03-03T02:00:00Z');

beforeAll(async () => {
  t = await createTestServiceDatabase('order_seed', migrationsOf(orderServiceDefinition));
  store = new EventStore(t.db, { clock, ids: new SequentialIdGenerator() });
  const seeder = new StandardWorkflowsSeeder(store, clock);
  await seeder.onApplicationBootstrap();
  await seeder.onApplicationBootstrap(); // a restart publishes nothing new
});
afterAll(() => t?.close());

describe('standard workflows on PostgreSQL', () => {
  it('seeded each default workflow once, as version 1', async () => {
    expect(await store.streamVersion(workflowStream('inbound/*/*'))).toBe(1);
    expect(await store.streamVersion(workflowStream('stocktake/*/*'))).toBe(1);
  });
});
