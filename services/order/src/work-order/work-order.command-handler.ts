import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { EventStore, handleCommandIn, loadAggregate, type EventStoreTransaction, type HandledCommand } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { TopicNames, type Acting } from '@dw/platform';
import { INVENTORY_STEPS, isInventoryStep } from '@dw/work-orders';
import type { CardNamedBy } from '../storage-card/domain/storage-card.decider';
import { ReceiptBackings } from '../receipt-backing/receipt-backing';
import { StorageCards } from '../storage-card/storage-cards';
import { workflowFor } from '../workflow/workflow-catalogue';
import type { PublishedWorkflow } from '../workflow/domain/workflow-selection';
import { workOrderDecider } from './domain/work-order.decider';
import type { CompletionCause, DraftInboundOrder, DraftWorkOrder, StepEvidence, WorkOrderCommand } from './domain/work-order.commands';
import type { WorkOrderState } from './domain/work-order.state';
import { workOrderOutbox } from './integration/work-order-events.mapper';
import { TITLE_TRANSFER_INDEX_STREAM_TYPE, titleTransferIndexStream, WORK_ORDER_STREAM_TYPE, workOrderStream } from './work-order.streams';
import { ordersAwaiting, titleTransferIndexDecider } from './domain/title-transfer-index';

/** The title check a clerk once ticked; the receipt service decides it on the transfer. */
const VERIFY_TITLE = 'verify_title';

type Stamp = 'orderId' | 'actor' | 'at';
/** What the desk (or an integration event) says about a new order; the handler stamps id, actor and time. */
export type OrderDraft = (Omit<DraftInboundOrder['data'], Stamp | 'ownerParty'> | Omit<DraftWorkOrder['data'], Stamp | 'ownerParty' | 'liveReceiptLots'>) & {
  readonly ownerParty?: string;
};

/**
 * Every change to a work order goes through here, over HTTP or from a Kafka handler's
 * transaction: load the order's stream, decide, append the events with their public form in
 * the same transaction. `expectedVersion` (from If-Match) refuses a change to an order that
 * moved on since the caller read it.
 */
@Injectable()
export class WorkOrderCommandHandler {
  private readonly outboxFor: (before: WorkOrderState) => ReturnType<ReturnType<typeof workOrderOutbox>>;

  constructor(
    private readonly store: EventStore,
    private readonly cards: StorageCards,
    private readonly backings: ReceiptBackings,
    @Inject(TopicNames) topics: TopicNames,
    @Inject(EventRegistry) registry: EventRegistry,
  ) {
    this.outboxFor = workOrderOutbox(topics, registry);
  }

  /**
   * Drafts an order for the party of the storage card it names (see orderPartyOf): the desk
   * names an approved card and the order's party is the card's; an entitlement's holder is
   * checked against the card when the card is known.
   */
  async draftIn(
    tx: EventStoreTransaction,
    orderId: string,
    draft: OrderDraft,
    acting: Acting,
    namedBy: CardNamedBy = 'desk',
  ): Promise<HandledCommand<WorkOrderState>> {
    // rule ORD-CARD-FROM-REGISTRY
    const stamp = { orderId, actor: acting.actor, at: acting.at };
    const [card, field] = 'notice' in draft ? [draft.notice?.storageCard, 'notice.storageCard'] : [draft.owner, 'owner'];
    // A missing card is left to the decider, which refuses it with the order's own field name.
    const ownerParty =
      typeof card === 'string' && card.trim() !== ''
        ? await this.cards.orderPartyIn(tx, card.trim(), draft.ownerParty, field, namedBy)
        : (draft.ownerParty ?? '');
    // rule ORD-RECEIPT-LOTS-NEED-ENTITLEMENT
    const namedLots = 'notice' in draft || !Array.isArray(draft.lots) ? [] : draft.lots.filter((lot): lot is string => typeof lot === 'string');
    const liveReceiptLots = await this.backings.liveReceiptsOfIn(tx, namedLots);
    const command: WorkOrderCommand =
      'notice' in draft
        ? { type: 'DraftInboundOrder', data: { ...draft, ownerParty, ...stamp } }
        : { type: 'DraftWorkOrder', data: { ...draft, ownerParty, liveReceiptLots, ...stamp } };
    const handled = await this.decideIn(tx, orderId, command, acting);
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

  /** The open or in-progress title-transfer orders waiting for this receipt to reach this buyer's card. */
  async ordersAwaitingTransferIn(tx: EventStoreTransaction, receiptNumber: string, buyerStorageCard: string): Promise<string[]> {
    const { state } = await loadAggregate(tx, titleTransferIndexStream(receiptNumber), titleTransferIndexDecider);
    const active: string[] = [];
    for (const orderId of ordersAwaiting(state, buyerStorageCard)) {
      const { state: order } = await loadAggregate(tx, workOrderStream(orderId), workOrderDecider);
      if (order.status === 'open' || order.status === 'in_progress') active.push(orderId);
    }
    return active;
  }

  draft(orderId: string, draft: OrderDraft, acting: Acting) {
    return this.store.transaction((tx) => this.draftIn(tx, orderId, draft, acting));
  }

  /** Opens a draft under the workflow chosen for it now (the most specific active one). */
  async openIn(tx: EventStoreTransaction, orderId: string, acting: Acting, expectedVersion?: number): Promise<HandledCommand<WorkOrderState>> {
    const { state } = await loadAggregate(tx, workOrderStream(orderId), workOrderDecider);
    if (state.status === 'none') throw refuse.notFound('WORK_ORDER_NOT_FOUND', `no work order ${orderId}`, { orderId });
    // Only a draft gets a workflow chosen; for anything else the decider refuses before it looks at one.
    const workflow =
      state.status === 'draft' ? await workflowFor(tx, { orderType: state.type, commodity: state.commodity, arrivalMode: state.arrivalMode }) : null;
    return this.decideIn(
      tx,
      orderId,
      { type: 'OpenWorkOrder', data: { orderId, workflow: workflow as PublishedWorkflow, actor: acting.actor, at: acting.at } },
      acting,
      expectedVersion,
    );
  }

  open(orderId: string, acting: Acting, expectedVersion?: number) {
    return this.store.transaction((tx) => this.openIn(tx, orderId, acting, expectedVersion));
  }

  /**
   * A step recorded at the order desk. Floor steps (scanning, weighing, put-away, counting, ...)
   * are refused here: inventory reports them when the work is done, so the history names the
   * operator who did it and carries the scale readings it was done with, not a desk's word.
   */
  async recordDeskStep(orderId: string, step: string, evidence: StepEvidence | null, acting: Acting, expectedVersion?: number) {
    // rules ORD-FLOOR-STEPS-BY-INVENTORY, ORD-TITLE-TRANSFER-BY-RECEIPT
    if (step === VERIFY_TITLE) {
      // Error-proofing is the receipt service's check (rule RCPT-TRANSFER-MATCH), run on the transfer itself; a tick here would only claim it.
      throw refuse.conflict('STEP_DECIDED_BY_RECEIPT', `${step} is the receipt service’s error-proofing check, not a desk step`, {
        step,
        rule: 'RCPT-TRANSFER-MATCH',
      });
    }
    if (isInventoryStep(step)) {
      throw refuse.conflict('STEP_RECORDED_BY_INVENTORY', `${step} is recorded when inventory reports the ${INVENTORY_STEPS[step]} done`, {
        step,
        operation: INVENTORY_STEPS[step],
      });
    }
    return this.store.transaction((tx) =>
      this.decideIn(tx, orderId, { type: 'RecordStep', data: { orderId, step, evidence, actor: acting.actor, at: acting.at } }, acting, expectedVersion),
    );
  }

  /** A floor step inventory reports done, recorded with the operator and time of the work. */
  recordReportedStepIn(tx: EventStoreTransaction, orderId: string, step: string, evidence: StepEvidence | null, acting: Acting) {
    return this.decideIn(tx, orderId, { type: 'RecordStep', data: { orderId, step, evidence, actor: acting.actor, at: acting.at } }, acting);
  }

  complete(orderId: string, acting: Acting, expectedVersion?: number) {
    return this.store.transaction((tx) =>
      this.decideIn(tx, orderId, { type: 'CompleteWorkOrder', data: { orderId, actor: acting.actor, at: acting.at } }, acting, expectedVersion),
    );
  }

  /** Completes the order on another service's fact (see the decider's CompleteOnFact), in the consumer's transaction. */
  completeOnFactIn(tx: EventStoreTransaction, orderId: string, cause: CompletionCause, acting: Acting) {
    return this.decideIn(tx, orderId, { type: 'CompleteOnFact', data: { orderId, cause, actor: acting.actor, at: acting.at } }, acting);
  }

  cancel(orderId: string, reason: string, acting: Acting, expectedVersion?: number) {
    return this.store.transaction((tx) =>
      this.decideIn(tx, orderId, { type: 'CancelWorkOrder', data: { orderId, reason, actor: acting.actor, at: acting.at } }, acting, expectedVersion),
    );
  }

  private decideIn(tx: EventStoreTransaction, orderId: string, command: WorkOrderCommand, acting: Acting, expectedVersion?: number) {
    return handleCommandIn(tx, {
      streamId: workOrderStream(orderId),
      streamType: WORK_ORDER_STREAM_TYPE,
      decider: workOrderDecider,
      command,
      metadata: acting.metadata,
      expectedVersion,
      outboxFor: this.outboxFor,
    });
  }
}
