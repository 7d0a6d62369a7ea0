import { Inject, Injectable } from '@nestjs/common';
import { EventStore, type HandledCommand } from '@dw/event-store';
import type { CommandContext } from '@dw/platform';
import type { WorkOrderState } from '../../domain/work-order.state';
import { draftWorkOrderIn, WorkOrderOutbox, type InboundOrderDraft } from '../../work-order-changes';

/** Drafts an inbound order from a depositor's inbound notice, for the party of the notice's storage card. */
@Injectable()
export class DraftInboundOrderCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(WorkOrderOutbox) private readonly outbox: WorkOrderOutbox,
  ) {}

  async execute(orderId: string, draft: InboundOrderDraft, acting: CommandContext): Promise<HandledCommand<WorkOrderState>> {
    return this.store.transaction((tx) => draftWorkOrderIn(tx, this.outbox, orderId, draft, acting));
  }
}
