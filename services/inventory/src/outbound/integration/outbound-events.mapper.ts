import { create } from '@bufbuild/protobuf';
import { EventRegistry, inventoryLotTopic, LocalDateSchema, LotShippedOutSchema, PiecesShippedOutSchema, toActor, toTimestamp, toWeight } from '@dw/contracts';
import type { OutboxMapper, OutboxMessage, PendingEvent } from '@dw/event-store';
import { derivedMessageId, normalisedPlate } from '@dw/kernel';
import { cloudEventMessage } from '@dw/messaging';
import type { TopicNames } from '@dw/platform';
import { OperationMessages } from '../../operation/integration/operation-messages';
import type { OutboundEvent } from '../domain/outbound.events';
import type { OutboundState } from '../domain/outbound.state';

/**
 * The public side of an order's outbound events:
 * - inventory.lot.v1, keyed by lot id: per lot of each load-out, PiecesShippedOut (with the
 *   load-out note's digest); LotShippedOut when those were the lot's last pieces in store;
 * - inventory.operation.v1: when the order is finished, its pick, weigh (with the scale
 *   readings) and load steps, in workflow order, for the order service to record.
 * One event gives several messages; each gets its own id derived from the event's, so inboxes
 * see them all and a relay retry repeats the same ids.
 */
export function outboundOutbox(topics: TopicNames, registry: EventRegistry) {
  const operations = new OperationMessages(topics, registry);
  const onLotTopic = (event: PendingEvent, typeName: string, lotId: string, payload: Uint8Array): OutboxMessage => ({
    ...cloudEventMessage(
      { ...event, eventId: derivedMessageId(event.eventId, `${typeName}:${lotId}`) },
      { topic: topics.of(inventoryLotTopic), source: '/dw/inventory', type: typeName, payload },
    ),
    key: lotId,
  });

  return (_before: OutboundState): OutboxMapper =>
    (pending) =>
      pending.flatMap((event): OutboxMessage[] => {
        const domain = { type: event.type, data: event.data } as OutboundEvent;
        const shippedBy = toActor(event.metadata.actor);
        switch (domain.type) {
          case 'LoadedOut': {
            const d = domain.data;
            return d.lots.flatMap((lot) => {
              const common = { lotId: lot.lotId, orderId: d.orderId, entitlementId: d.entitlementId ?? '', warehouse: d.warehouse, ownerStorageCard: d.owner };
              const shipped = create(PiecesShippedOutSchema, {
                ...common,
                barcodes: lot.pieces.map((piece) => piece.barcode),
                pieces: lot.pieces.length,
                net: toWeight(lot.netKg),
                book: toWeight(lot.bookKg),
                overShort: toWeight(lot.overShortKg),
                loadOutNoteId: d.noteId,
                loadOutNoteSha256: d.noteSha256,
                shippedOn: create(LocalDateSchema, { value: d.shippedOn }),
                shippedBy,
                shippedAt: toTimestamp(d.at),
                vehicle: d.vehicle === null ? '' : (normalisedPlate(d.vehicle) ?? d.vehicle),
                commodityCode: d.commodity,
                toleranceBasisPoints: lot.toleranceBps ?? 0,
              });
              const messages = [onLotTopic(event, PiecesShippedOutSchema.typeName, lot.lotId, registry.encodeEvent(PiecesShippedOutSchema.typeName, shipped))];
              if (lot.lotTotals) {
                const emptied = create(LotShippedOutSchema, {
                  ...common,
                  pieces: lot.lotTotals.pieces,
                  net: toWeight(lot.lotTotals.netKg),
                  book: toWeight(lot.lotTotals.bookKg),
                  overShort: toWeight(lot.lotTotals.overShortKg),
                  shippedBy,
                  shippedAt: toTimestamp(d.at),
                });
                messages.push(onLotTopic(event, LotShippedOutSchema.typeName, lot.lotId, registry.encodeEvent(LotShippedOutSchema.typeName, emptied)));
              }
              return messages;
            });
          }
          case 'OutboundFinished': {
            // rule INV-OUTBOUND-FINISHED
            const d = domain.data;
            const base = { orderId: d.orderId, subject: d.entitlementId ?? d.orderId, pieces: d.pieces, at: d.at };
            return [
              operations.stepPerformed(event, { ...base, step: 'pick', evidence: null, netKg: d.bookKg }),
              operations.stepPerformed(
                { ...event, eventId: derivedMessageId(event.eventId, 'step:weigh') },
                { ...base, step: 'weigh', evidence: d.scaleReadingRequired ? { kind: 'scale_reading', refs: d.readingIds } : null, netKg: d.netKg },
              ),
              operations.stepPerformed(
                { ...event, eventId: derivedMessageId(event.eventId, 'step:load') },
                { ...base, step: 'load', evidence: null, netKg: d.netKg },
              ),
            ];
          }
          default:
            return [];
        }
      });
}
