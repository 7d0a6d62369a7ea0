import { setTimeout as delay } from 'node:timers/promises';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import { create } from '@bufbuild/protobuf';
import { Pool } from 'pg';
import { EventRegistry, FeeAccruedSchema } from '@dw/contracts';
import { Database, EventStore, type SqlClient } from '@dw/event-store';
import { ManualClock, uuidV7Generator } from '@dw/kernel';
import type { IncomingMessage, MessageBus } from '@dw/messaging';
import { InboxTransport } from './inbox.transport';

/*
 * Two features of one service consume the same event type (billing's account and statements
 * both take FeeAccrued). Nest chains the second @EventPattern onto the first, and its wrapper of
 * the first starts the second beside it; the inbox then ran the chain's later handler again. The
 * handlers share one transaction's connection, so each must run once, one after the other.
 */
const calls: string[] = [];

@Controller()
class FirstFeature {
  @EventPattern(FeeAccruedSchema.typeName)
  async onFee(): Promise<void> {
    calls.push('first started');
    // Yields to the event loop, as a handler awaiting its queries does.
    await delay(20);
    calls.push('first done');
  }
}

@Controller()
class SecondFeature {
  @EventPattern(FeeAccruedSchema.typeName)
  async onFee(): Promise<void> {
    calls.push('second');
  }
}

@Module({ controllers: [FirstFeature, SecondFeature] })
class TwoFeatures {}

describe('InboxTransport: every feature’s handler of one event type', () => {
  it('runs each handler once, in the order the features registered, the next only after the one before has finished', async () => {
    const registry = new EventRegistry().register(FeeAccruedSchema);
    const clock = new ManualClock('2026-11-02T01:00:00Z');
    // Never connected: dispatch binds the store to the inbox's transaction and issues no query here.
    const db = new Database(new Pool(), 'inbox_transport_unit');
    const transport = new InboxTransport({
      serviceName: 'probe',
      groupId: 'probe',
      topics: [],
      db,
      store: new EventStore(db, { clock, ids: uuidV7Generator }),
      bus: {} as MessageBus,
      registry,
      clock,
    });
    const app = await NestFactory.createMicroservice(TwoFeatures, { strategy: transport, logger: false });
    await app.init();
    try {
      const message: IncomingMessage = {
        topic: 'billing.fee.v1',
        partition: 0,
        offset: '0',
        key: 'P-A',
        value: Buffer.from(registry.encodeEvent(FeeAccruedSchema.typeName, create(FeeAccruedSchema, { feeId: 'storage:WR-1:2026-11-02', partyId: 'P-A' }))),
        headers: { ce_type: FeeAccruedSchema.typeName },
        timestamp: '0',
      };
      const dispatch = (transport as unknown as { dispatch(tx: SqlClient, m: IncomingMessage, id: string, type: string): Promise<void> }).dispatch.bind(
        transport,
      );
      await dispatch({ query: async () => ({ rows: [], rowCount: 0 }) }, message, 'm-1', FeeAccruedSchema.typeName);
      expect(calls).toEqual(['first started', 'first done', 'second']);
    } finally {
      await app.close();
    }
  });
});
