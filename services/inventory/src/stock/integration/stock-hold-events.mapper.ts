import { create } from '@bufbuild/protobuf';
import { EventRegistry, inventoryLotTopic, StockHoldKind, StockHoldPlacedSchema, StockHoldReleasedSchema, toActor, toTimestamp, toWeight } from '@dw/contracts';
import type { OutboxMapper, OutboxMessage } from '@dw/event-store';
import { cloudEventMessage } from '@dw/messaging';
import type { TopicNames } from '@dw/platform';
import type { HoldKind } from '../domain/stock.commands';
import type { StockEvent } from '../domain/stock.events';

const KINDS: Readonly<Record<HoldKind, StockHoldKind>> = { reservation: StockHoldKind.RESERVATION, freeze: StockHoldKind.FREEZE };

/**
 * Stock holds, public on inventory.lot.v1 (key = lot id): the receipt service keeps a lot with a
 * stock hold from backing a receipt, so the same goods never carry a stock freeze for one bank
 * and a receipt pledge for another.
 */
export function stockHoldOutbox(topics: TopicNames, registry: EventRegistry): OutboxMapper {
  // Keyed by the lot id like every inventory.lot.v1 message (the stock stream's id is stock-<lot>),
  // so a lot's holds stay in order with its LotBecameAvailable.
  const message = (event: Parameters<OutboxMapper>[0][number], type: string, payload: Uint8Array): OutboxMessage => ({
    ...cloudEventMessage(event, { topic: topics.of(inventoryLotTopic), source: '/dw/inventory', type, payload }),
    key: (event.data as { lotId: string }).lotId,
  });
  return (pending) =>
    pending.flatMap((event): OutboxMessage[] => {
      const domain = { type: event.type, data: event.data } as StockEvent;
      switch (domain.type) {
        case 'HoldPlaced': {
          const d = domain.data;
          const payload = create(StockHoldPlacedSchema, {
            lotId: d.lotId,
            holdId: d.holdId,
            kind: KINDS[d.kind],
            holder: d.holder,
            reason: d.reason,
            pieces: d.quantity.pieces,
            weight: toWeight(d.quantity.kg),
            placedBy: toActor(event.metadata.actor),
            placedAt: toTimestamp(d.at),
          });
          return [message(event, StockHoldPlacedSchema.typeName, registry.encodeEvent(StockHoldPlacedSchema.typeName, payload))];
        }
        case 'HoldReleased': {
          const d = domain.data;
          const payload = create(StockHoldReleasedSchema, {
            lotId: d.lotId,
            holdId: d.holdId,
            kind: KINDS[d.kind],
            holder: d.holder,
            releasedBy: toActor(event.metadata.actor),
            releasedAt: toTimestamp(d.at),
          });
          return [message(event, StockHoldReleasedSchema.typeName, registry.encodeEvent(StockHoldReleasedSchema.typeName, payload))];
        }
        default:
          return [];
      }
    });
}
