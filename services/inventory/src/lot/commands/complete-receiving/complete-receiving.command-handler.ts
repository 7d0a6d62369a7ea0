import { Injectable } from '@nestjs/common';
import { loadAggregate, type EventStoreTransaction } from '@dw/event-store';
import type { CommandContext } from '@dw/platform';
import { lotIdOf, streams } from '../../../shared/inventory.streams';
import { lotDecider } from '../../domain/lot.decider';
import type { Lot } from '../../domain/lot.state';
import { LotOperations } from '../../lot-operations';

/**
 * The inbound order was completed at the desk: the lot becomes available and is booked into
 * stock, in the caller's (inbox) transaction. Null when the order received no lot.
 */
@Injectable()
export class CompleteReceivingCommandHandler {
  constructor(private readonly lots: LotOperations) {}

  async execute(tx: EventStoreTransaction, orderId: string, acting: CommandContext): Promise<Lot | null> {
    const lotId = lotIdOf(orderId);
    const { state } = await loadAggregate(tx, streams.lot(lotId).id, lotDecider);
    if (state.status === 'none') return null;
    const handled = await this.lots.decideIn(tx, lotId, { type: 'CompleteReceiving', data: { lotId, actor: acting.actor.subject, at: acting.at } }, acting);
    return handled.state as Lot;
  }
}
