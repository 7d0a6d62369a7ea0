import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  ContractFieldMissingError,
  fromTimestamp,
  fromWeight,
  OrderType as OrderTypePb,
  StepCheck as StepCheckPb,
  type WorkOrderCancelled,
  WorkOrderCancelledSchema,
  type WorkOrderCompleted,
  WorkOrderCompletedSchema,
  type WorkOrderOpened,
  WorkOrderOpenedSchema,
  type WorkOrderStepRecorded,
  WorkOrderStepRecordedSchema,
} from '@dw/contracts';
import { handleCommandIn, type EventStoreTransaction } from '@dw/event-store';
import { DomainError } from '@dw/kernel';
import { InboxContext, type CommandContext } from '@dw/platform';
import { actingOfMessage as acting } from '../../shared/message-acting';
import type { OrderType, StepCheck } from '@dw/work-orders';
import { CompleteReceivingCommandHandler } from '../../lot/commands/complete-receiving/complete-receiving.command-handler';
import { OperationRefusals } from '../../operation/operation-refusals';
import { lotIdOf, streams } from '../../shared/inventory.streams';
import { ReceiveStockCommandHandler } from '../../stock/commands/receive-stock/receive-stock.command-handler';
import { orderAuthorityDecider } from '../domain/order-authority.decider';
import type { OrderAuthorityCommand } from '../domain/order-authority.commands';

const ORDER_TYPES: Partial<Record<OrderTypePb, OrderType>> = {
  [OrderTypePb.INBOUND]: 'inbound',
  [OrderTypePb.OUTBOUND]: 'outbound',
  [OrderTypePb.TITLE_TRANSFER]: 'title_transfer',
  [OrderTypePb.MOVE]: 'move',
  [OrderTypePb.STOCKTAKE]: 'stocktake',
};
const STEP_CHECKS: Partial<Record<StepCheckPb, StepCheck>> = {
  [StepCheckPb.NONE]: 'none',
  [StepCheckPb.SCALE_READING]: 'scale_reading',
  [StepCheckPb.INSPECTION_REPORT]: 'inspection_report',
};

/**
 * Keeps inventory's record of the work orders that authorise its operations (order.work-order.v1),
 * each fact in the inbox transaction of its message. When an inbound order is completed at the
 * desk, its lot becomes available and is booked into stock in that same transaction; if the lot
 * cannot complete, that is recorded as a refused operation for ops, and the order's record is
 * still closed.
 */
@Controller()
export class NoteWorkOrdersKafkaHandler {
  constructor(
    private readonly completeReceiving: CompleteReceivingCommandHandler,
    private readonly receiveStock: ReceiveStockCommandHandler,
    @Inject(OperationRefusals) private readonly refusals: OperationRefusals,
  ) {}

  @EventPattern(WorkOrderOpenedSchema.typeName)
  async onOpened(@Payload() event: WorkOrderOpened, @Ctx() ctx: InboxContext): Promise<void> {
    const type = ORDER_TYPES[event.type];
    if (!type) throw new ContractFieldMissingError('type');
    if (!event.workflow) throw new ContractFieldMissingError('workflow');
    await this.note(ctx.store, event.orderId, acting(ctx, event.openedBy, event.openedAt, 'opened_at'), {
      type: 'NoteOrderOpened',
      data: {
        orderId: event.orderId,
        type,
        warehouse: event.warehouse,
        owner: event.ownerStorageCard,
        ownerParty: event.ownerPartyId,
        commodity: event.commodityCode,
        expected: event.notice ? { pieces: event.notice.expectedPieces, kg: event.notice.expected ? fromWeight(event.notice.expected) : 0 } : null,
        entitlement: event.entitlement
          ? {
              entitlementId: event.entitlement.entitlementId,
              receiptNumber: event.entitlement.receiptNumber,
              lots: event.entitlement.lots.map((lot) => ({ lotId: lot.lotId, pieces: lot.pieces, netKg: lot.net ? fromWeight(lot.net) : 0 })),
            }
          : null,
        workflowId: event.workflow.workflowId,
        workflowVersion: event.workflow.version,
        steps: event.workflow.steps.map((step) => ({
          code: step.code,
          name: step.name,
          check: STEP_CHECKS[step.check] ?? 'none',
          required: step.required,
          movesGoods: step.movesGoods,
        })),
        openedAt: fromTimestamp(event.openedAt, 'opened_at'),
      },
    });
  }

  @EventPattern(WorkOrderStepRecordedSchema.typeName)
  async onStepRecorded(@Payload() event: WorkOrderStepRecorded, @Ctx() ctx: InboxContext): Promise<void> {
    const by = acting(ctx, event.recordedBy, event.recordedAt, 'recorded_at');
    await this.note(ctx.store, event.orderId, by, {
      type: 'NoteOrderStep',
      data: { orderId: event.orderId, step: event.step, sequence: event.sequence, recordedBy: by.actor.subject, recordedAt: by.at },
    });
  }

  @EventPattern(WorkOrderCompletedSchema.typeName)
  async onCompleted(@Payload() event: WorkOrderCompleted, @Ctx() ctx: InboxContext): Promise<void> {
    const by = acting(ctx, event.completedBy, event.completedAt, 'completed_at');
    await this.note(ctx.store, event.orderId, by, { type: 'NoteOrderClosed', data: { orderId: event.orderId, status: 'completed', closedAt: by.at } });
    await ctx.store.sql.query('SAVEPOINT complete_receiving');
    try {
      const lot = await this.completeReceiving.execute(ctx.store, event.orderId, by);
      if (lot) await this.receiveStock.execute(ctx.store, lot, by);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await ctx.store.sql.query('ROLLBACK TO SAVEPOINT complete_receiving');
      await this.refusals.record({ operation: 'complete_receiving', subject: lotIdOf(event.orderId), orderId: event.orderId }, error, by, ctx.store);
    }
  }

  @EventPattern(WorkOrderCancelledSchema.typeName)
  async onCancelled(@Payload() event: WorkOrderCancelled, @Ctx() ctx: InboxContext): Promise<void> {
    const by = acting(ctx, event.cancelledBy, event.cancelledAt, 'cancelled_at');
    await this.note(ctx.store, event.orderId, by, { type: 'NoteOrderClosed', data: { orderId: event.orderId, status: 'cancelled', closedAt: by.at } });
  }

  private async note(tx: EventStoreTransaction, orderId: string, by: CommandContext, command: OrderAuthorityCommand): Promise<void> {
    const stream = streams.authority(orderId);
    await handleCommandIn(tx, { streamId: stream.id, streamType: stream.type, decider: orderAuthorityDecider, command, metadata: by.metadata });
  }
}
