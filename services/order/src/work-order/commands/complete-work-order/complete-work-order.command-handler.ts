import { Inject, Injectable } from '@nestjs/common';
import { EventStore, type HandledCommand } from '@dw/event-store';
import type { CommandContext } from '@dw/platform';
import type { WorkOrderState } from '../../domain/work-order.state';
import { decideWorkOrderIn, WorkOrderOutbox } from '../../work-order-changes';

/** Completes an order at the desk once every required step of its workflow is recorded. */
@Injectable()
export class CompleteWorkOrderCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(WorkOrderOutbox) private readonly outbox: WorkOrderOutbox,
  ) {}

  async execute(orderId: string, acting: CommandContext, expectedVersion?: number): Promise<HandledCommand<WorkOrderState>> {
    return this.store.transaction((tx) =>
      decideWorkOrderIn(
        tx,
        this.outbox,
        orderId,
        { type: 'CompleteWorkOrder', data: { orderId, actor: acting.actor.subject, at: acting.at } },
        acting,
        expectedVersion,
      ),
    );
  }
}
