import { create } from '@bufbuild/protobuf';
import {
  EventRegistry,
  inventoryLotTopic,
  StockShortfallDetectedSchema,
  StockVarianceAppliedSchema,
  StockVarianceEvidence,
  toActor,
  toTimestamp,
  toWeight,
} from '@dw/contracts';
import type { OutboxMapper, OutboxMessage, PendingEvent } from '@dw/event-store';
import { derivedMessageId } from '@dw/kernel';
import { cloudEventMessage } from '@dw/messaging';
import type { TopicNames } from '@dw/platform';
import type { StockState } from '../../stock/domain/stock.decider';
import type { StockEvent } from '../../stock/domain/stock.events';

/**
 * The public side of a stocktake correction of a lot's stock book (inventory.lot.v1, key = the
 * lot id, like every lot fact, not the stock stream's id): `StockVarianceApplied` for each
 * variance applied, and for a shortfall (the book written down) also `StockShortfallDetected`,
 * the alarm ops act on. `before` is the lot's stock the correction was decided on: it names the
 * warehouse and the owner's card.
 */
export function stockVarianceOutbox(topics: TopicNames, registry: EventRegistry) {
  const onLotTopic = (event: PendingEvent, lotId: string, typeName: string, payload: Uint8Array): OutboxMessage => ({
    ...cloudEventMessage(event, { topic: topics.of(inventoryLotTopic), source: '/dw/inventory', type: typeName, payload }),
    key: lotId,
  });

  return (before: StockState): OutboxMapper =>
    (pending) =>
      pending.flatMap((event): OutboxMessage[] => {
        const domain = { type: event.type, data: event.data } as StockEvent;
        if (domain.type !== 'StockVarianceApplied' || before.status === 'none') return [];
        const d = domain.data;
        const { reading = null, approval = null } = d.evidence ?? {};
        const common = {
          lotId: d.lotId,
          warehouse: before.warehouse,
          ownerStorageCard: before.owner,
          stocktakeId: d.stocktakeId,
          varianceId: d.varianceId,
          deltaPieces: d.delta.pieces,
          delta: toWeight(d.delta.kg),
          approver: approval?.approver ?? '',
          approvalReason: approval?.reason ?? '',
        };
        const applied = create(StockVarianceAppliedSchema, {
          ...common,
          reason: d.reason,
          evidence: approval ? StockVarianceEvidence.MANAGER_APPROVAL : StockVarianceEvidence.SCALE_READING,
          scaleId: reading?.scaleId ?? '',
          readingId: reading?.readingId ?? '',
          appliedBy: toActor(event.metadata.actor),
          appliedAt: toTimestamp(d.at),
        });
        const messages = [onLotTopic(event, d.lotId, StockVarianceAppliedSchema.typeName, registry.encodeEvent(StockVarianceAppliedSchema.typeName, applied))];
        if (d.delta.pieces < 0 || d.delta.kg < 0) {
          // rule INV-SHORTFALL-ALARM
          const stockFreezes = Object.values(before.holds)
            .filter((hold) => hold.kind === 'freeze')
            .map((hold) => hold.holder);
          const shortfall = create(StockShortfallDetectedSchema, {
            ...common,
            detectedAt: toTimestamp(d.at),
            receiptNumber: d.goodsUnder?.receiptNumber ?? '',
            pledgedTo: [...(d.goodsUnder?.pledgedTo ?? []), ...stockFreezes],
          });
          const alarm = onLotTopic(
            event,
            d.lotId,
            StockShortfallDetectedSchema.typeName,
            registry.encodeEvent(StockShortfallDetectedSchema.typeName, shortfall),
          );
          const messageId = derivedMessageId(event.eventId, StockShortfallDetectedSchema.typeName);
          messages.push({ ...alarm, messageId, headers: { ...alarm.headers, ce_id: messageId } });
        }
        return messages;
      });
}
