import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { EventStore, handleCommandIn, type EventStoreTransaction, type OutboxMapper } from '@dw/event-store';
import { TopicNames, type CommandContext } from '@dw/platform';
import { onStream, streams } from '../shared/inventory.streams';
import { stockDecider, stockLevels } from './domain/stock.decider';
import type { StockCommand } from './domain/stock.commands';
import { stockHoldOutbox } from './integration/stock-hold-events.mapper';

/** What the stock's use cases share: a lot's stock decision on its stream (holds published), and the levels a hold leaves. */
@Injectable()
export class StockDecisions {
  private readonly outbox: OutboxMapper;

  constructor(
    private readonly store: EventStore,
    @Inject(TopicNames) topics: TopicNames,
    @Inject(EventRegistry) registry: EventRegistry,
  ) {
    this.outbox = stockHoldOutbox(topics, registry);
  }

  decideIn(tx: EventStoreTransaction, lotId: string, command: StockCommand, acting: CommandContext) {
    return handleCommandIn(tx, {
      ...onStream(streams.stock(lotId)),
      decider: stockDecider,
      command,
      metadata: acting.metadata,
      outbox: this.outbox,
    });
  }

  /** Decides the command built in its own transaction and answers with the lot's stock levels after it. */
  async levelsAfter(lotId: string, acting: CommandContext, command: (tx: EventStoreTransaction) => Promise<StockCommand>) {
    const handled = await this.store.transaction(async (tx) => this.decideIn(tx, lotId, await command(tx), acting));
    return { lotId, version: handled.version, levels: handled.state.status === 'none' ? null : stockLevels(handled.state) };
  }
}
