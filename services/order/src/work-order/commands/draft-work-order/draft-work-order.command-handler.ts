import { Inject, Injectable } from '@nestjs/common';
import { EventStore, type HandledCommand } from '@dw/event-store';
import type { CommandContext } from '@dw/platform';
import type { WorkOrderState } from '../../domain/work-order.state';
import { draftWorkOrderIn, WorkOrderOutbox, type WorkOrderDraft } from '../../work-order-changes';

/**
 * Drafts an outbound, title-transfer, move or stocktake order for the party of the storage card
 * it names; a title-transfer order is indexed under its receipt in the same transaction.
 */
@Injectable()
export class DraftWorkOrderCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(WorkOrderOutbox) private readonly outbox: WorkOrderOutbox,
  ) {}

  async execute(orderId: string, draft: WorkOrderDraft, acting: CommandContext): Promise<HandledCommand<WorkOrderState>> {
    return this.store.transaction((tx) => draftWorkOrderIn(tx, this.outbox, orderId, draft, acting));
  }
}
