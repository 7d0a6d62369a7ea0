import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { handleCommandIn, loadAggregate, type EventStoreTransaction, type HandledCommand, type OutboxMapper } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { TopicNames, type CommandContext } from '@dw/platform';
import { liveReceiptsOfIn } from '../receipt-backing/receipt-backing';
import type { CardNamedBy } from '../storage-card/domain/storage-card.decider';
import { orderPartyIn } from '../storage-card/storage-cards';
import type { PublishedWorkflow } from '../workflow/domain/workflow-selection';
import { workflowFor } from '../workflow/workflow-catalogue';
import type { CompletionCause, DraftInboundOrder, DraftWorkOrder, WorkOrderCommand } from './domain/work-order.commands';
import { workOrderDecider } from './domain/work-order.decider';
import type { WorkOrderState } from './domain/work-order.state';
import { titleTransferIndexDecider } from './domain/title-transfer-index';
import { workOrderOutbox } from './integration/work-order-events.mapper';
import { TITLE_TRANSFER_INDEX_STREAM_TYPE, titleTransferIndexStream, WORK_ORDER_STREAM_TYPE, workOrderStream } from './work-order.streams';

/*
 * The changes to a work order that more than one use case makes, each inside the caller's
 * transaction: the desk and a pickup application both draft and open an order; two integration
 * events complete one on a fact. Every change loads the order's stream, decides, and appends the
 * events with their public form in that transaction; `expectedVersion` (from If-Match) refuses a
 * change to an order that moved on since the caller read it.
 */

/** The public form of a work order's events (see workOrderOutbox), as the `outboxFor` of handleCommandIn. */
@Injectable()
export class WorkOrderOutbox {
  readonly of: (before: WorkOrderState) => OutboxMapper;

  constructor(@Inject(TopicNames) topics: TopicNames, @Inject(EventRegistry) registry: EventRegistry) {
    this.of = workOrderOutbox(topics, registry);
  }
}

/** Decides one command on the order's stream and appends its events and public messages. */
export function decideWorkOrderIn(
  tx: EventStoreTransaction,
  outbox: WorkOrderOutbox,
  orderId: string,
  command: WorkOrderCommand,
  acting: CommandContext,
  expectedVersion?: number,
): Promise<HandledCommand<WorkOrderState>> {
  return handleCommandIn(tx, {
    streamId: workOrderStream(orderId),
    streamType: WORK_ORDER_STREAM_TYPE,
    decider: workOrderDecider,
    command,
    metadata: acting.metadata,
    expectedVersion,
    outboxFor: outbox.of,
  });
}

type Stamp = 'orderId' | 'actor' | 'at';
/** What the desk says about a new inbound order; the draft stamps id, actor and time. */
export type InboundOrderDraft = Omit<DraftInboundOrder['data'], Stamp | 'ownerParty'> & { readonly ownerParty?: string };
/** What the desk (or an entitlement) says about any other new order. */
export type WorkOrderDraft = Omit<DraftWorkOrder['data'], Stamp | 'ownerParty' | 'liveReceiptLots'> & { readonly ownerParty?: string };
type OrderDraft = InboundOrderDraft | WorkOrderDraft;

/**
 * Drafts an order for the party of the storage card it names (see orderPartyOf): the desk
 * names an approved card and the order's party is the card's; an entitlement's holder is
 * checked against the card when the card is known.
 */
export async function draftWorkOrderIn(
  tx: EventStoreTransaction,
  outbox: WorkOrderOutbox,
  orderId: string,
  draft: OrderDraft,
  acting: CommandContext,
  namedBy: CardNamedBy = 'desk',
): Promise<HandledCommand<WorkOrderState>> {
  // rule ORD-CARD-FROM-REGISTRY
  const stamp = { orderId, actor: acting.actor.subject, at: acting.at };
  const [card, field] = 'notice' in draft ? [draft.notice?.storageCard, 'notice.storageCard'] : [draft.owner, 'owner'];
  // A missing card is left to the decider, which refuses it with the order's own field name.
  const ownerParty =
    typeof card === 'string' && card.trim() !== '' ? await orderPartyIn(tx, card.trim(), draft.ownerParty, field, namedBy) : (draft.ownerParty ?? '');
  // rule ORD-RECEIPT-LOTS-NEED-ENTITLEMENT
  const namedLots = 'notice' in draft || !Array.isArray(draft.lots) ? [] : draft.lots.filter((lot): lot is string => typeof lot === 'string');
  const liveReceiptLots = await liveReceiptsOfIn(tx, namedLots);
  const command: WorkOrderCommand =
    'notice' in draft
      ? { type: 'DraftInboundOrder', data: { ...draft, ownerParty, ...stamp } }
      : { type: 'DraftWorkOrder', data: { ...draft, ownerParty, liveReceiptLots, ...stamp } };
  const handled = await decideWorkOrderIn(tx, outbox, orderId, command, acting);
  if (handled.state.status !== 'none' && handled.state.transfer) {
    const { receiptNumber, buyerStorageCard } = handled.state.transfer;
    await handleCommandIn(tx, {
      streamId: titleTransferIndexStream(receiptNumber),
      streamType: TITLE_TRANSFER_INDEX_STREAM_TYPE,
      decider: titleTransferIndexDecider,
      command: { type: 'IndexTitleTransferOrder', data: { receiptNumber, buyerStorageCard, orderId } },
      metadata: acting.metadata,
    });
  }
  return handled;
}

/** Opens a draft under the workflow chosen for it now (the most specific active one). */
export async function openWorkOrderIn(
  tx: EventStoreTransaction,
  outbox: WorkOrderOutbox,
  orderId: string,
  acting: CommandContext,
  expectedVersion?: number,
): Promise<HandledCommand<WorkOrderState>> {
  const { state } = await loadAggregate(tx, workOrderStream(orderId), workOrderDecider);
  if (state.status === 'none') throw refuse.notFound('WORK_ORDER_NOT_FOUND', `no work order ${orderId}`, { orderId });
  // Only a draft gets a workflow chosen; for anything else the decider refuses before it looks at one.
  const workflow =
    state.status === 'draft' ? await workflowFor(tx, { orderType: state.type, commodity: state.commodity, arrivalMode: state.arrivalMode }) : null;
  return decideWorkOrderIn(
    tx,
    outbox,
    orderId,
    { type: 'OpenWorkOrder', data: { orderId, workflow: workflow as PublishedWorkflow, actor: acting.actor.subject, at: acting.at } },
    acting,
    expectedVersion,
  );
}

/** Completes the order on another service's fact (see the decider's CompleteOnFact), in the consumer's transaction. */
export function completeWorkOrderOnFactIn(tx: EventStoreTransaction, outbox: WorkOrderOutbox, orderId: string, cause: CompletionCause, acting: CommandContext) {
  return decideWorkOrderIn(tx, outbox, orderId, { type: 'CompleteOnFact', data: { orderId, cause, actor: acting.actor.subject, at: acting.at } }, acting);
}
