import { Inject, Injectable } from '@nestjs/common';
import { EventStore, loadAggregate, transactionRetryingOnConflict, type EventStoreTransaction } from '@dw/event-store';
import { DomainError, type Clock } from '@dw/kernel';
import { CLOCK, type Caller, callerContextOf, type CommandContext } from '@dw/platform';
import { requireAuthorisation, type PhysicalOperation } from '@dw/work-orders';
import { orderAuthorityDecider, type OrderAuthority } from '../authority/domain/order-authority.decider';
import { streams } from '../shared/inventory.streams';
import type { OperationContext } from './operation-context';
import { OperationRefusals } from './operation-refusals';

/**
 * Runs a physical operation (a scan, a weighing, a put-away, a move, a count): authorisation,
 * decisions and appends in one transaction, so a refused operation leaves nothing behind. The
 * refusal is then recorded on its own, as an event ops can see, and the caller gets it as
 * problem+json with the same code.
 */
@Injectable()
export class FloorOperations {
  constructor(
    private readonly store: EventStore,
    private readonly refusals: OperationRefusals,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * `retriesOnConflict`: for operations that commute (two scanners on one lot scan different
   * pieces), a concurrent append to the same stream is retried on the fresh state, a bounded
   * number of times, instead of answering 409.
   */
  async run<T>(
    context: OperationContext,
    caller: Caller,
    work: (tx: EventStoreTransaction, acting: CommandContext) => Promise<T>,
    options: { retriesOnConflict?: number } = {},
  ): Promise<T> {
    // rule INV-REFUSAL-RECORDED
    const acting = callerContextOf(caller, this.clock);
    try {
      return await transactionRetryingOnConflict(this.store, (tx) => work(tx, acting), options.retriesOnConflict);
    } catch (error) {
      if (error instanceof DomainError) await this.refusals.record(context, error, acting);
      throw error;
    }
  }
}

/**
 * The order that must authorise an operation, asked through the shared rule (@dw/work-orders):
 * open, of the right type, in the warehouse and for the owner of the goods, at the step the
 * operation belongs to. Warehouse and owner default to the order's own, for operations whose
 * goods are the order's by definition (scanning under an inbound order).
 */
export async function authorisedOrder(
  tx: EventStoreTransaction,
  orderId: string,
  request: { operation: PhysicalOperation; step: string; warehouse?: string; owner?: string },
  context: OperationContext,
): Promise<OrderAuthority> {
  // rule INV-NO-OP-WITHOUT-ORDER
  context.orderId = orderId;
  const { state } = await loadAggregate(tx, streams.authority(orderId).id, orderAuthorityDecider);
  const order = state.status === 'none' ? undefined : state;
  context.warehouse ??= request.warehouse ?? order?.warehouse;
  context.owner ??= request.owner ?? order?.owner;
  requireAuthorisation(order, {
    operation: request.operation,
    step: request.step,
    warehouse: request.warehouse ?? order?.warehouse ?? '',
    owner: request.owner ?? order?.owner ?? '',
  });
  return order!;
}
