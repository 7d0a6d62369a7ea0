import { create } from '@bufbuild/protobuf';
import {
  ArrivalMode as ArrivalModePb,
  EventRegistry,
  InboundNoticeSchema,
  LocalDateSchema,
  OrderLotSchema,
  OrderType as OrderTypePb,
  orderWorkOrderTopic,
  OutboundEntitlementReferenceSchema,
  PickupApplicationSchema,
  PickupCollectorSchema,
  PickupMethod as PickupMethodPb,
  PickupPlanDaySchema,
  PinnedWorkflowSchema,
  StepCheck as StepCheckPb,
  StepEvidenceSchema,
  TitleTransferReferenceSchema,
  toActor,
  toTimestamp,
  toWeight,
  WorkflowStepSchema,
  WorkOrderCancelledSchema,
  WorkOrderCompletedSchema,
  WorkOrderOpenedSchema,
  WorkOrderStatus as WorkOrderStatusPb,
  WorkOrderStepRecordedSchema,
} from '@dw/contracts';
import type { OutboxMapper, OutboxMessage, PendingEvent } from '@dw/event-store';
import { cloudEventMessage } from '@dw/messaging';
import type { TopicNames } from '@dw/platform';
import type { OrderType, StepCheck, WorkOrderStatus } from '@dw/work-orders';
import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import type { ArrivalMode } from '../../workflow/domain/workflow-key';
import type { PickupMethod } from '../../pickup/domain/pickup-application';
import type { OrderPickup } from '../domain/work-order.commands';
import type { WorkOrderEvent } from '../domain/work-order.events';
import type { WorkOrderState } from '../domain/work-order.state';

const ORDER_TYPES: Record<OrderType, OrderTypePb> = {
  inbound: OrderTypePb.INBOUND,
  outbound: OrderTypePb.OUTBOUND,
  title_transfer: OrderTypePb.TITLE_TRANSFER,
  move: OrderTypePb.MOVE,
  stocktake: OrderTypePb.STOCKTAKE,
};
const ARRIVAL_MODES: Record<ArrivalMode, ArrivalModePb> = { rail: ArrivalModePb.RAIL, truck: ArrivalModePb.TRUCK, water: ArrivalModePb.WATER };
const STEP_CHECKS: Record<StepCheck, StepCheckPb> = {
  none: StepCheckPb.NONE,
  scale_reading: StepCheckPb.SCALE_READING,
  inspection_report: StepCheckPb.INSPECTION_REPORT,
};
const PICKUP_METHODS: Record<PickupMethod, PickupMethodPb> = {
  self_collect: PickupMethodPb.SELF_COLLECT,
  warehouse_delivery: PickupMethodPb.WAREHOUSE_DELIVERY,
};
const STATUSES: Record<WorkOrderStatus, WorkOrderStatusPb> = {
  draft: WorkOrderStatusPb.DRAFT,
  open: WorkOrderStatusPb.OPEN,
  in_progress: WorkOrderStatusPb.IN_PROGRESS,
  completed: WorkOrderStatusPb.COMPLETED,
  cancelled: WorkOrderStatusPb.CANCELLED,
};

/**
 * The public form of a work order's events on order.work-order.v1. Drafts stay private (a draft
 * authorises nothing); WorkOrderOpened repeats what the draft said, so a consumer learns the
 * whole order from one message. `before` is the state the command was decided on.
 */
export function workOrderOutbox(topics: TopicNames, registry: EventRegistry) {
  return (before: WorkOrderState): OutboxMapper =>
    (pending) =>
      pending.flatMap((event): OutboxMessage[] => {
        const domain = { type: event.type, data: event.data } as WorkOrderEvent;
        const publish = <S extends DescMessage>(schema: S, message: MessageShape<S>) => [
          cloudEventMessage(event, {
            topic: topics.of(orderWorkOrderTopic),
            source: '/dw/order',
            type: schema.typeName,
            payload: registry.encodeEvent(schema.typeName, message),
          }),
        ];
        switch (domain.type) {
          case 'WorkOrderDrafted':
            return [];
          case 'WorkOrderOpened':
            return publish(WorkOrderOpenedSchema, openedMessage(before, domain.data, event));
          case 'WorkOrderStepRecorded': {
            const { orderId, step, name, sequence, evidence, movesGoods, at } = domain.data;
            return publish(
              WorkOrderStepRecordedSchema,
              create(WorkOrderStepRecordedSchema, {
                orderId,
                step,
                name,
                sequence,
                evidence: evidence ? create(StepEvidenceSchema, { kind: STEP_CHECKS[evidence.kind], refs: [...evidence.refs] }) : undefined,
                movesGoods,
                recordedBy: toActor(event.metadata.actor),
                recordedAt: toTimestamp(at),
              }),
            );
          }
          case 'WorkOrderCompleted':
            return publish(
              WorkOrderCompletedSchema,
              create(WorkOrderCompletedSchema, {
                orderId: domain.data.orderId,
                steps: [...domain.data.steps],
                completedBy: toActor(event.metadata.actor),
                completedAt: toTimestamp(domain.data.at),
                completedByEventType: domain.data.cause?.eventType ?? '',
                completedByReference: domain.data.cause?.reference ?? '',
              }),
            );
          case 'WorkOrderCancelled':
            return publish(
              WorkOrderCancelledSchema,
              create(WorkOrderCancelledSchema, {
                orderId: domain.data.orderId,
                reason: domain.data.reason,
                previousStatus: STATUSES[domain.data.previousStatus],
                cancelledBy: toActor(event.metadata.actor),
                cancelledAt: toTimestamp(domain.data.at),
              }),
            );
        }
      });
}

function openedMessage(before: WorkOrderState, opened: Extract<WorkOrderEvent, { type: 'WorkOrderOpened' }>['data'], event: PendingEvent) {
  // Only a draft can be opened (the decider refused anything else before we got here).
  if (before.status === 'none') throw new Error(`order ${opened.orderId} was opened without a draft`);
  const { notice, entitlement, pickup } = before;
  return create(WorkOrderOpenedSchema, {
    orderId: opened.orderId,
    type: ORDER_TYPES[before.type],
    warehouse: before.warehouse,
    ownerStorageCard: before.owner,
    ownerPartyId: before.ownerParty,
    commodityCode: before.commodity,
    arrivalMode: before.arrivalMode ? ARRIVAL_MODES[before.arrivalMode] : ArrivalModePb.UNSPECIFIED,
    notice: notice
      ? create(InboundNoticeSchema, {
          brand: notice.brand,
          specification: notice.specification,
          expectedPieces: notice.expectedPieces,
          expected: toWeight(notice.expectedKg),
          arrivalFrom: toTimestamp(notice.arrivalWindow.from),
          arrivalTo: toTimestamp(notice.arrivalWindow.to),
        })
      : undefined,
    workflow: create(PinnedWorkflowSchema, {
      workflowId: opened.workflow.workflowId,
      version: opened.workflow.version,
      steps: opened.workflow.steps.map((step) =>
        create(WorkflowStepSchema, { code: step.code, name: step.name, check: STEP_CHECKS[step.check], required: step.required, movesGoods: step.movesGoods }),
      ),
    }),
    entitlement: entitlement
      ? create(OutboundEntitlementReferenceSchema, {
          entitlementId: entitlement.entitlementId,
          receiptNumber: entitlement.receiptNumber,
          lots: entitlement.lots.map((lot) => create(OrderLotSchema, { lotId: lot.lotId, pieces: lot.pieces, net: toWeight(lot.netKg) })),
        })
      : undefined,
    pickup: pickup ? pickupMessage(pickup, before.ownerParty) : undefined,
    transfer: before.transfer ? create(TitleTransferReferenceSchema, { ...before.transfer }) : undefined,
    lotIds: [...before.lotIds],
    openedBy: toActor(event.metadata.actor),
    openedAt: toTimestamp(opened.at),
  });
}

/** The pickup application, whole: the gate checks the collector, the vehicles and the daily plan against it. */
function pickupMessage({ application, appliedBy, appliedAt }: OrderPickup, holderParty: string) {
  const date = (value: string) => create(LocalDateSchema, { value });
  return create(PickupApplicationSchema, {
    quantity: toWeight(application.quantityKg),
    pickupDate: date(application.pickupDate),
    pickupUntil: date(application.pickupUntil),
    method: PICKUP_METHODS[application.method],
    deliveryAddress: application.deliveryAddress ?? '',
    dailyPlan: application.dailyPlan.map((day) => create(PickupPlanDaySchema, { date: date(day.date), weight: toWeight(day.kg) })),
    collector: create(PickupCollectorSchema, {
      name: application.collector.name,
      residentIdNumber: application.collector.residentId,
      mobile: application.collector.mobile,
    }),
    vehiclePlates: [...application.vehicles],
    appliedBy: toActor({ subject: appliedBy, role: 'depositor', partyId: holderParty }),
    appliedAt: toTimestamp(appliedAt),
  });
}
