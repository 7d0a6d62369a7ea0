import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { EventStore, type EventStoreTransaction } from '@dw/event-store';
import type { DomainError, IdGenerator } from '@dw/kernel';
import { ID_GENERATOR, TopicNames, type CommandContext } from '@dw/platform';
import { onStream, streams } from '../shared/inventory.streams';
import { OperationMessages } from './integration/operation-messages';
import type { OperationContext } from './operation-context';
import type { OperationRefused } from './operation-refusal.events';

/** Records refused operations (its own stream and transaction) and publishes them for ops. */
@Injectable()
export class OperationRefusals {
  private readonly messages: OperationMessages;

  constructor(
    private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(TopicNames) topics: TopicNames,
    @Inject(EventRegistry) registry: EventRegistry,
  ) {
    this.messages = new OperationMessages(topics, registry);
  }

  /** Records a refusal; `tx` when the caller's transaction must carry it (a Kafka handler's inbox transaction). */
  async record(context: OperationContext, refusal: DomainError, acting: CommandContext, tx: EventStore | EventStoreTransaction = this.store): Promise<void> {
    const refusalId = this.ids.next();
    const data: OperationRefused['data'] = {
      refusalId,
      operation: context.operation,
      code: refusal.code,
      message: refusal.message,
      details: refusal.details,
      orderId: context.orderId ?? null,
      warehouse: context.warehouse ?? null,
      owner: context.owner ?? null,
      subject: context.subject,
      actor: acting.actor.subject,
      at: acting.at,
    };
    const stream = streams.refusal(refusalId);
    await tx.append({
      ...onStream(stream),
      expectedVersion: 'no_stream',
      events: [{ type: 'OperationRefused', data }],
      metadata: acting.metadata,
      outbox: (pending) => pending.map((event) => this.messages.refused(event, data)),
    });
  }
}
