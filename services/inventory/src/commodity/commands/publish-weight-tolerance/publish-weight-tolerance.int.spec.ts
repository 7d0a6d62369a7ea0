import { EventStore } from '@dw/event-store';
import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { migrationsOf, type Caller } from '@dw/platform';
import { createTestServiceDatabase, type TestServiceDatabase } from '@dw/testing';
import { inventoryServiceDefinition } from '../../../inventory.service-definition';
import { streams } from '../../../shared/inventory.streams';
import { CommodityCatalogueStream } from '../../commodity-catalogue-stream';
import { rebar20Shagang, registered } from '../../domain/commodity.test-fixtures';
import { PublishWeightToleranceCommandHandler } from './publish-weight-tolerance.command-handler';
import { PublishWeightToleranceHttpController } from './publish-weight-tolerance.http.controller';

/** A commodity's weight tolerance versions on real PostgreSQL, through the route's controller and the catalogue stream. */
let t: TestServiceDatabase;
let store: EventStore;
let route: PublishWeightToleranceHttpController;
// 2025-03-31T17:00Z is 2025-04-01 01:00 in Shanghai: today there is 2025-04-01
const clock = new ManualClock('2025-03-31T17:00:00Z');
const manager: Caller = { principal: { subject: 'manager-2', roles: ['manager'] }, correlationId: 'int' };

beforeAll(async () => {
  t = await createTestServiceDatabase('inventory_tolerance', migrationsOf(inventoryServiceDefinition));
  store = new EventStore(t.db, { clock, ids: new SequentialIdGenerator() });
  const catalogue = new CommodityCatalogueStream(store, clock);
  route = new PublishWeightToleranceHttpController(new PublishWeightToleranceCommandHandler(catalogue), catalogue);
  await store.append({
    streamId: streams.catalogue.id,
    streamType: streams.catalogue.type,
    expectedVersion: 'no_stream',
    events: [registered(rebar20Shagang)],
    metadata: { actor: { subject: 'manager-2', role: 'manager' }, correlationId: 'int' },
  });
});
afterAll(() => t?.close());

describe('POST /commodities/:code/weight-tolerances on PostgreSQL', () => {
  it('publishes dated versions on the catalogue stream, never reaching back before today in Shanghai', async () => {
    await expect(route.publish(rebar20Shagang.code, { effectiveFrom: '2025-03-31', toleranceBps: 30 }, manager)).rejects.toMatchObject({
      code: 'RULE_EFFECTIVE_DATE_IN_PAST',
      details: { today: '2025-04-01' },
    });
    expect(await route.publish(rebar20Shagang.code, { effectiveFrom: '2025-04-01', toleranceBps: 30 }, manager)).toEqual({
      code: rebar20Shagang.code,
      versions: [{ version: 1, effectiveFrom: '2025-04-01', toleranceBps: 30 }],
    });
    await route.publish(rebar20Shagang.code, { effectiveFrom: '2025-07-01', toleranceBps: 50 }, manager);
    await expect(route.publish(rebar20Shagang.code, { effectiveFrom: '2025-06-30', toleranceBps: 40 }, manager)).rejects.toMatchObject({
      code: 'RULE_EFFECTIVE_DATE_NOT_AFTER_LATEST',
      details: { latestVersion: 2 },
    });
    await expect(route.publish('no-such-sku', { effectiveFrom: '2025-04-01', toleranceBps: 30 }, manager)).rejects.toMatchObject({ code: 'UNKNOWN_COMMODITY' });
    expect(await route.versions(rebar20Shagang.code)).toEqual({
      code: rebar20Shagang.code,
      versions: [
        { version: 1, effectiveFrom: '2025-04-01', toleranceBps: 30 },
        { version: 2, effectiveFrom: '2025-07-01', toleranceBps: 50 },
      ],
    });
    const recorded = await store.readStream(streams.catalogue.id);
    expect(recorded.filter((e) => e.type === 'WeightToleranceVersionPublished').map((e) => e.metadata.actor)).toEqual([
      expect.objectContaining({ subject: 'manager-2', role: 'manager' }),
      expect.objectContaining({ subject: 'manager-2', role: 'manager' }),
    ]);
  });
});
