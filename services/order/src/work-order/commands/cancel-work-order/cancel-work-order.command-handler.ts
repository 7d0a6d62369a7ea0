import { Inject, Injectable } from '@nestjs/common';
import { EventStore, type HandledCommand } from '@dw/event-store';
import type { CommandContext } from '@dw/platform';
import type { WorkOrderState } from '../../domain/work-order.state';
import { decideWorkOrderIn, WorkOrderOutbox } from '../../work-order-changes';

/** Cancels an order with a reason, while no step that moves goods has been recorded under it. */
@Injectable()
export class CancelWorkOrderCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(WorkOrderOutbox) private readonly outbox: WorkOrderOutbox,
  ) {}

  async execute(orderId: string, reason: string, acting: CommandContext, expectedVersion?: number): Promise<HandledCommand<WorkOrderState>> {
    return this.store.transaction((tx) =>
      decideWorkOrderIn(
        tx,
        this.outbox,
        orderId,
        { type: 'CancelWorkOrder', data: { orderId, reason, actor: acting.actor.subject, at: acting.at } },
        acting,
        expectedVersion,
      ),
    );
  }
}
