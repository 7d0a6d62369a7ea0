import { EventRegistry, orderEventSchemas } from '@dw/contracts';
import { EventStore } from '@dw/event-store';
import { ManualClock, SequentialIdGenerator } from '@dw/kernel';
import { migrationsOf, TopicNames, type CommandContext } from '@dw/platform';
import { createTestServiceDatabase, type TestServiceDatabase } from '@dw/testing';
import { orderServiceDefinition } from '../order.service-definition';
import type { StorageCardStatus } from '../storage-card/domain/storage-card.events';
import { recordStorageCardIn } from '../storage-card/storage-cards';
import { StandardWorkflowsSeeder } from '../workflow/standard-workflows.seeder';
import { DraftInboundOrderCommandHandler } from './commands/draft-inbound-order/draft-inbound-order.command-handler';
import { OpenWorkOrderCommandHandler } from './commands/open-work-order/open-work-order.command-handler';
import { notice } from './domain/work-order.test-fixtures';
import { WorkOrderOutbox } from './work-order-changes';

export interface OpenedWorkOrderDatabase {
  t: TestServiceDatabase;
  store: EventStore;
  outbox: WorkOrderOutbox;
}

/**
 * What the work-order command specs on real PostgreSQL start from (one per spec file): a fresh
 * order schema, the event store on a clock the spec moves, the work-order outbox under topic prefix
 * `int`, and storage card SC-0001 approved for P-0001 as the receipt service published it (its
 * StorageCardApproved, as the consumer records it). `standardWorkflows` also seeds the standard
 * workflows, as the service does at start, for specs that open orders.
 */
export function workOrderDatabase(label: string, options: { standardWorkflows?: boolean } = {}) {
  const clock = new ManualClock('2025-03-03T02:00:00Z');
  let opened: OpenedWorkOrderDatabase | undefined;
  const database = (): OpenedWorkOrderDatabase => {
    if (!opened) throw new Error('workOrderDatabase: open() it in beforeAll first');
    return opened;
  };
  const acting = (subject = 'desk-clerk-7', role = 'clerk'): CommandContext => ({
    actor: { subject, role },
    at: clock.now().toISOString(),
    metadata: { actor: { subject, role }, correlationId: 'int' },
  });
  /** Records a storage card's status the way the order service's consumer of the receipt service's events does. */
  const recordCard = (storageCard: string, party: string, status: StorageCardStatus) =>
    database().store.transaction((tx) =>
      recordStorageCardIn(
        tx,
        { type: 'RecordStorageCardStatus', data: { storageCard, party, holderName: `${party} Ltd`, status, at: clock.now().toISOString() } },
        acting('receipt', 'system').metadata,
      ),
    );
  return {
    clock,
    acting,
    recordCard,
    async open(): Promise<OpenedWorkOrderDatabase> {
      const t = await createTestServiceDatabase(label, migrationsOf(orderServiceDefinition));
      const store = new EventStore(t.db, { clock, ids: new SequentialIdGenerator() });
      const topics = TopicNames.withPrefix('int');
      opened = { t, store, outbox: new WorkOrderOutbox(topics, new EventRegistry().register(...orderEventSchemas)) };
      await recordCard('SC-0001', 'P-0001', 'approved');
      if (options.standardWorkflows) await new StandardWorkflowsSeeder(store, clock).onApplicationBootstrap();
      return opened;
    },
    /** Drafts an inbound order on SC-0001 for P-0001 at the desk and opens it under the default workflow (version 2 of its stream). */
    async openInboundOrder(orderId: string): Promise<void> {
      const { store, outbox } = database();
      await new DraftInboundOrderCommandHandler(store, outbox).execute(orderId, { warehouse: 'WH-SH-01', ownerParty: 'P-0001', notice }, acting());
      await new OpenWorkOrderCommandHandler(store, outbox).execute(orderId, acting());
    },
    close: () => opened?.t.close(),
  };
}
