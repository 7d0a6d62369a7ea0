import type { EventRegistry } from '@dw/contracts';
import type { OutboxMapper } from '@dw/event-store';
import type { TopicNames } from '@dw/platform';
import { OperationMessages } from '../../operation/integration/operation-messages';
import type { StocktakeEvent } from '../domain/stocktake.events';

/**
 * A stocktake's steps, reported to the order service: the count finished (count) and, once every
 * variance is explained and the book corrected, the stocktake closed (reconcile).
 */
export function stocktakeOutbox(topics: TopicNames, registry: EventRegistry): OutboxMapper {
  const operations = new OperationMessages(topics, registry);
  return (pending) =>
    pending.flatMap((event) => {
      const domain = { type: event.type, data: event.data } as StocktakeEvent;
      const base = { orderId: domain.data.orderId, evidence: null, subject: domain.data.stocktakeId, netKg: 0, at: domain.data.at };
      if (domain.type === 'StocktakeCountFinished') return [operations.stepPerformed(event, { ...base, step: 'count', pieces: domain.data.countedPieces })];
      if (domain.type === 'StocktakeClosed') return [operations.stepPerformed(event, { ...base, step: 'reconcile', pieces: 0 })];
      return [];
    });
}
