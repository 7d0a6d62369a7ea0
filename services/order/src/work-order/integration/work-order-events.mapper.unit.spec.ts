import { fromBinary } from '@bufbuild/protobuf';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import {
  ArrivalMode,
  EventRegistry,
  fromWeight,
  orderEventSchemas,
  OrderType,
  StepCheck,
  WorkOrderCancelledSchema,
  WorkOrderOpenedSchema,
  WorkOrderStatus,
  WorkOrderStepRecordedSchema,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { foldEvents } from '@dw/kernel';
import { TopicNames } from '@dw/platform';
import { workOrderDecider } from '../domain/work-order.decider';
import type { WorkOrderEvent } from '../domain/work-order.events';
import { actor, at, drafted, opened, orderId, stepsUpTo } from '../domain/work-order.test-fixtures';
import { workOrderOutbox } from './work-order-events.mapper';

const topics = TopicNames.withPrefix('unit');
const outboxFor = workOrderOutbox(topics, new EventRegistry().register(...orderEventSchemas));
const pending = (events: WorkOrderEvent[]): PendingEvent[] =>
  events.map((event, i) => ({
    eventId: `00000000-0000-7000-8000-00000000000${i}`,
    streamId: `work-order-${orderId}`,
    streamType: 'work-order',
    type: event.type,
    data: event.data,
    schemaVersion: 1,
    metadata: { actor: { subject: actor, role: 'clerk' }, correlationId: orderId },
    recordedAt: new Date(at),
  }));
const messagesAfter = (given: WorkOrderEvent[], next: WorkOrderEvent[]) => outboxFor(foldEvents(workOrderDecider, given))(pending(next));

describe('work-order events to order.work-order.v1', () => {
  it('keeps drafts private', () => {
    expect(messagesAfter([], [drafted])).toEqual([]);
  });

  it('publishes the whole order when it opens: what the draft said, and the pinned workflow', () => {
    const [message, ...rest] = messagesAfter([drafted], [opened]);
    expect(rest).toEqual([]);
    expect([message!.topic, message!.key, message!.headers.ce_type]).toEqual([
      'unit.order.work-order.v1',
      `work-order-${orderId}`,
      WorkOrderOpenedSchema.typeName,
    ]);
    const decoded = fromBinary(WorkOrderOpenedSchema, message!.payload);
    expect(decoded).toMatchObject({
      orderId,
      type: OrderType.INBOUND,
      warehouse: 'WH-SH-01',
      ownerStorageCard: 'SC-0001',
      ownerPartyId: 'P-0001',
      commodityCode: 'rebar',
      arrivalMode: ArrivalMode.TRUCK,
      notice: { brand: 'Shagang', specification: 'HRB400E 20mm', expectedPieces: 50 },
      workflow: { workflowId: 'inbound/*/*', version: 1 },
      openedBy: { subject: actor, role: 'clerk' },
    });
    expect(fromWeight(decoded.notice!.expected!)).toBe(100_000);
    expect(timestampDate(decoded.notice!.arrivalFrom!).toISOString()).toBe('2025-03-04T00:00:00.000Z');
    expect(decoded.workflow!.steps.map((s) => [s.code, s.check])).toEqual([
      ['notice', StepCheck.NONE],
      ['arrival', StepCheck.NONE],
      ['unload_tally', StepCheck.NONE],
      ['weigh', StepCheck.SCALE_READING],
      ['inspect', StepCheck.INSPECTION_REPORT],
      ['put_away', StepCheck.NONE],
      ['confirm', StepCheck.NONE],
    ]);
  });

  it('publishes each step with its sequence, evidence, actor and time', () => {
    const steps = stepsUpTo('weigh');
    const [message] = messagesAfter([drafted, opened, ...steps.slice(0, -1)], [steps[steps.length - 1]!]);
    const decoded = fromBinary(WorkOrderStepRecordedSchema, message!.payload);
    expect(decoded).toMatchObject({
      orderId,
      step: 'weigh',
      sequence: 4,
      evidence: { kind: StepCheck.SCALE_READING, refs: ['reading-1'] },
      recordedBy: { subject: actor },
    });
    expect(timestampDate(decoded.recordedAt!).toISOString()).toBe(new Date(at).toISOString());
  });

  it('publishes a cancellation with its reason and the status it left', () => {
    const cancelled: WorkOrderEvent = { type: 'WorkOrderCancelled', data: { orderId, reason: 'notice withdrawn', previousStatus: 'open', actor, at } };
    const [message] = messagesAfter([drafted, opened], [cancelled]);
    expect(fromBinary(WorkOrderCancelledSchema, message!.payload)).toMatchObject({ reason: 'notice withdrawn', previousStatus: WorkOrderStatus.OPEN });
  });
});
