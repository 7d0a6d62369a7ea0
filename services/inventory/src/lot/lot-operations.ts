import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { handleCommandIn, loadAggregate, type EventStoreTransaction, type HandledCommand } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { TopicNames, type Caller, type CommandContext } from '@dw/platform';
import type { PhysicalOperation } from '@dw/work-orders';
import { authorisedOrder, FloorOperations } from '../operation/floor-operations';
import type { OperationContext } from '../operation/operation-context';
import { onStream, streams } from '../shared/inventory.streams';
import { lotDecider } from './domain/lot.decider';
import type { LotCommand } from './domain/lot.commands';
import type { Lot, LotState } from './domain/lot.state';
import { lotOutbox } from './integration/lot-events.mapper';

type Stamp = 'lotId' | 'actor' | 'at';
/** A lot command's data as a use case receives it: the lot, the actor and the instant are stamped by the handler. */
export type LotCommandData<T extends LotCommand['type']> = Omit<Extract<LotCommand, { type: T }>['data'], Stamp>;

/**
 * What the lot's use cases share: the lot's decision on its stream (with its public events), the
 * lot a floor operation is about, and a step on an existing lot run as one floor operation.
 */
@Injectable()
export class LotOperations {
  private readonly outboxFor: ReturnType<typeof lotOutbox>;

  constructor(
    private readonly floor: FloorOperations,
    @Inject(TopicNames) topics: TopicNames,
    @Inject(EventRegistry) registry: EventRegistry,
  ) {
    this.outboxFor = lotOutbox(topics, registry);
  }

  /**
   * One step on an existing lot, as one floor operation: authorisation (the lot's order must be
   * open and at the step the operation belongs to, for the lot's warehouse and owner) and the
   * lot's decision in one transaction; a refusal is recorded for ops by FloorOperations.
   */
  onLot(
    lotId: string,
    operation: PhysicalOperation,
    step: string,
    caller: Caller,
    command: (lot: Lot, acting: CommandContext) => LotCommand,
    subject: string = lotId,
  ) {
    const context: OperationContext = { operation, subject: String(subject) };
    return this.floor.run(context, caller, async (tx, acting) => {
      const lot = await this.lotOf(tx, lotId, context);
      await authorisedOrder(tx, lot.orderId, { operation, step, warehouse: lot.warehouse, owner: lot.owner }, context);
      const handled = await this.decideIn(tx, lotId, command(lot, acting), acting);
      return { lotId, version: handled.version, status: handled.state.status };
    });
  }

  /** The lot an operation is about (404 LOT_NOT_FOUND when there is none); its order, warehouse and owner go into the operation's context. */
  async lotOf(tx: EventStoreTransaction, lotId: string, context: OperationContext): Promise<Lot> {
    const { state } = await loadAggregate(tx, streams.lot(lotId).id, lotDecider);
    if (state.status === 'none') throw refuse.notFound('LOT_NOT_FOUND', `no lot ${lotId}`, { lotId });
    Object.assign(context, { orderId: state.orderId, warehouse: state.warehouse, owner: state.owner });
    return state;
  }

  decideIn(tx: EventStoreTransaction, lotId: string, command: LotCommand, acting: CommandContext): Promise<HandledCommand<LotState>> {
    return handleCommandIn(tx, {
      ...onStream(streams.lot(lotId)),
      decider: lotDecider,
      command,
      metadata: acting.metadata,
      outboxFor: this.outboxFor,
    });
  }
}
