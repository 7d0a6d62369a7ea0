import { Inject, Injectable } from '@nestjs/common';
import { EventRegistry } from '@dw/contracts';
import { loadAggregate, type EventStoreTransaction } from '@dw/event-store';
import { TopicNames, type Caller } from '@dw/platform';
import { OperationMessages } from '../../../operation/integration/operation-messages';
import { authorisedOrder, FloorOperations } from '../../../operation/floor-operations';
import type { OperationContext } from '../../../operation/operation-context';
import { ownerOfLot } from '../../../registry/lot-owner';
import { onStream, streams } from '../../../shared/inventory.streams';
import { locationDecider } from '../../domain/location.decider';
import { decideMove } from '../../domain/location-move';
import type { LocationEvent } from '../../domain/location.events';

/**
 * Moves pieces between two locations under a move order (workflow plan → move → confirm): the
 * order must be at its move step and be for the owner of every piece moved; the move is decided
 * on both locations together and appended to both in one transaction, and it completes the
 * order's move step (one move per move order: a second one is a new order).
 */
@Injectable()
export class MoveGoodsCommandHandler {
  private readonly messages: OperationMessages;

  constructor(
    private readonly floor: FloorOperations,
    @Inject(TopicNames) topics: TopicNames,
    @Inject(EventRegistry) registry: EventRegistry,
  ) {
    this.messages = new OperationMessages(topics, registry);
  }

  execute(request: { orderId: string; fromLocationId: string; toLocationId: string; barcodes: string[] }, caller: Caller) {
    const context: OperationContext = { operation: 'move', subject: String(request.fromLocationId), orderId: request.orderId };
    return this.floor.run(context, caller, async (tx, acting) => {
      const from = await loadAggregate(tx, streams.location(String(request.fromLocationId)).id, locationDecider);
      const to = await loadAggregate(tx, streams.location(String(request.toLocationId)).id, locationDecider);
      const source = from.state;
      const warehouse = source.status === 'none' ? undefined : source.warehouse;
      const lotIds = source.status === 'none' ? [] : request.barcodes.map((barcode) => source.pieces[barcode]?.lotId);
      // The order must be for the owner of every piece; with no piece found, the order itself is still checked first.
      const owners = await this.ownersOf(tx, lotIds);
      for (const owner of owners.length > 0 ? owners : [undefined]) {
        await authorisedOrder(tx, request.orderId, { operation: 'move', step: 'move', warehouse, owner }, context);
      }
      const decided = decideMove(from.state, to.state, { orderId: request.orderId, barcodes: request.barcodes, actor: acting.actor.subject, at: acting.at });
      await this.append(tx, String(request.fromLocationId), from.version, decided.source, acting.metadata, false, request.orderId);
      await this.append(tx, String(request.toLocationId), to.version, decided.target, acting.metadata, true, request.orderId);
      return { orderId: request.orderId, moved: request.barcodes.length, fromLocationId: request.fromLocationId, toLocationId: request.toLocationId };
    });
  }

  /** The distinct owners (title holders) of the lots the pieces belong to (pieces not at the source are refused by the move itself). */
  private async ownersOf(tx: EventStoreTransaction, lotIds: readonly (string | undefined)[]): Promise<string[]> {
    const owners = new Set<string>();
    for (const lotId of new Set(lotIds.filter((id): id is string => id !== undefined))) {
      const owner = await ownerOfLot(tx, lotId);
      if (owner !== null) owners.add(owner);
    }
    return [...owners];
  }

  private async append(
    tx: EventStoreTransaction,
    locationId: string,
    version: number,
    events: LocationEvent[],
    metadata: Parameters<EventStoreTransaction['append']>[0]['metadata'],
    reportsStep: boolean,
    orderId: string,
  ): Promise<void> {
    const stream = streams.location(locationId);
    await tx.append({
      ...onStream(stream),
      expectedVersion: version,
      events,
      metadata,
      // The pieces arriving at the target complete the order's move step.
      outbox: reportsStep
        ? (pending) =>
            pending.flatMap((event) => {
              const moved = event.data as Extract<LocationEvent, { type: 'GoodsMovedIn' }>['data'];
              return event.type === 'GoodsMovedIn'
                ? [
                    this.messages.stepPerformed(event, {
                      orderId,
                      step: 'move',
                      evidence: null,
                      subject: locationId,
                      pieces: moved.pieces.length,
                      netKg: moved.netKg,
                      at: moved.at,
                    }),
                  ]
                : [];
            })
        : undefined,
    });
  }
}
