import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { handleCommandIn, loadAggregate, type EventStoreTransaction } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { TopicNames, type CommandContext, type Caller } from '@dw/platform';
import { authorisedOrder, FloorOperations } from '../../operation/floor-operations';
import type { OperationContext } from '../../operation/operation-context';
import { onStream, streams } from '../../shared/inventory.streams';
import type { StocktakeCommand } from '../domain/stocktake.commands';
import { stocktakeDecider, type Stocktake } from '../domain/stocktake.decider';
import { stocktakeOutbox } from '../integration/stocktake-events.mapper';

/**
 * What every stocktake use case does with the stocktake's stream, in one place: load it (404
 * STOCKTAKE_NOT_FOUND), decide a command on it and append with its public messages, and run a
 * floor operation on it under its order at the workflow step the operation belongs to.
 */
@Injectable()
export class StocktakeFloorWork {
  private readonly outbox: ReturnType<typeof stocktakeOutbox>;

  constructor(
    readonly floor: FloorOperations,
    @Inject(TopicNames) topics: TopicNames,
    @Inject(EventRegistry) registry: EventRegistry,
  ) {
    this.outbox = stocktakeOutbox(topics, registry);
  }

  /**
   * Decides `command` on an existing stocktake, as a count-order operation authorised at `step`
   * of its order; a refusal is recorded against `subject` (the piece, the reading, the variance).
   */
  onStocktake(stocktakeId: string, step: 'count' | 'reconcile', caller: Caller, command: (acting: CommandContext) => StocktakeCommand, subject = stocktakeId) {
    const context: OperationContext = { operation: 'count', subject };
    return this.floor.run(context, caller, async (tx, acting) => {
      const stocktake = await this.stocktakeOf(tx, stocktakeId, context);
      await authorisedOrder(tx, stocktake.orderId, { operation: 'count', step }, context);
      const handled = await this.decide(tx, stocktakeId, command(acting), acting);
      return { stocktakeId, version: handled.version, status: handled.state.status };
    });
  }

  /** The stocktake as its stream has it; the refusal context learns its order and warehouse. */
  async stocktakeOf(tx: EventStoreTransaction, stocktakeId: string, context: OperationContext): Promise<Stocktake> {
    const { state } = await loadAggregate(tx, streams.stocktake(stocktakeId).id, stocktakeDecider);
    if (state.status === 'none') throw refuse.notFound('STOCKTAKE_NOT_FOUND', `no stocktake ${stocktakeId}`, { stocktakeId });
    Object.assign(context, { orderId: state.orderId, warehouse: state.warehouse });
    return state;
  }

  decide(tx: EventStoreTransaction, stocktakeId: string, command: StocktakeCommand, acting: CommandContext) {
    return handleCommandIn(tx, {
      ...onStream(streams.stocktake(stocktakeId)),
      decider: stocktakeDecider,
      command,
      metadata: acting.metadata,
      outbox: this.outbox,
    });
  }
}
