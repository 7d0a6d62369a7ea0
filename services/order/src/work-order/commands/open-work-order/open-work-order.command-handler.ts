import { Inject, Injectable } from '@nestjs/common';
import { EventStore, type HandledCommand } from '@dw/event-store';
import type { CommandContext } from '@dw/platform';
import type { WorkOrderState } from '../../domain/work-order.state';
import { openWorkOrderIn, WorkOrderOutbox } from '../../work-order-changes';

/** Opens a draft under the workflow chosen for it now, pinning that version. */
@Injectable()
export class OpenWorkOrderCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(WorkOrderOutbox) private readonly outbox: WorkOrderOutbox,
  ) {}

  async execute(orderId: string, acting: CommandContext, expectedVersion?: number): Promise<HandledCommand<WorkOrderState>> {
    return this.store.transaction((tx) => openWorkOrderIn(tx, this.outbox, orderId, acting, expectedVersion));
  }
}
