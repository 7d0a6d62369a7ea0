import { create } from '@bufbuild/protobuf';
import {
  EventRegistry,
  inventoryLotTopic,
  LocalDateSchema,
  LotBecameAvailableSchema,
  LotLocationSchema,
  LotWeightToleranceExceededSchema,
  StandardCommodity as StandardCommodityPb,
  StandardCommoditySchema,
  toActor,
  toTimestamp,
  toWeight,
} from '@dw/contracts';
import type { OutboxMapper, OutboxMessage, PendingEvent } from '@dw/event-store';
import { cloudEventMessage } from '@dw/messaging';
import type { TopicNames } from '@dw/platform';
import { standardNameOf, type StandardCommodity } from '../../commodity/domain/standard-commodity';
import { OperationMessages } from '../../operation/integration/operation-messages';
import type { LotEvent } from '../domain/lot.events';
import { evolveLot, type LotState } from '../domain/lot.state';

/**
 * The public side of a lot's events:
 * - to the order service (inventory.operation.v1), the floor work of a step is done: the tally
 *   closed (unload_tally), weighing closed (weigh, with the scale readings), inspection passed
 *   (inspect, with the report), the last piece put away (put_away);
 * - to the receipt service and ops (inventory.lot.v1), the lot became available, and weight
 *   tolerance alarms.
 * `before` is the lot the command was decided on; the events are folded onto it in order.
 */
export function lotOutbox(topics: TopicNames, registry: EventRegistry) {
  const operations = new OperationMessages(topics, registry);
  const onLotTopic = (event: PendingEvent, typeName: string, payload: Uint8Array): OutboxMessage =>
    cloudEventMessage(event, { topic: topics.of(inventoryLotTopic), source: '/dw/inventory', type: typeName, payload });

  return (before: LotState): OutboxMapper =>
    (pending) => {
      let lot = before;
      return pending.flatMap((event): OutboxMessage[] => {
        const domain = { type: event.type, data: event.data } as LotEvent;
        lot = evolveLot(lot, domain);
        if (lot.status === 'none') return [];
        const step = (code: string, evidence: { kind: 'scale_reading' | 'inspection_report'; refs: readonly string[] } | null, pieces: number, netKg: number) =>
          operations.stepPerformed(event, {
            orderId: lot.status === 'none' ? '' : lot.orderId,
            step: code,
            evidence,
            subject: domain.data.lotId,
            pieces,
            netKg,
            at: domain.data.at,
          });
        switch (domain.type) {
          case 'TallyFinished':
            return [step('unload_tally', null, domain.data.pieces, 0)];
          case 'LotWeighed':
            return [step('weigh', lot.scaleReadingRequired ? { kind: 'scale_reading', refs: lot.readingIds } : null, domain.data.pieces, domain.data.netKg)];
          case 'LotInspected':
            // A failed inspection does not finish the step: the lot is rejected instead.
            return domain.data.result === 'passed'
              ? [
                  step(
                    'inspect',
                    lot.inspectionRequired ? { kind: 'inspection_report', refs: [domain.data.reportRef] } : null,
                    lot.pieces.length,
                    lot.weighed?.netKg ?? 0,
                  ),
                ]
              : [];
          case 'PiecesPutAway': {
            if (lot.pieces.some((piece) => piece.locationId === null)) return [];
            return [
              step(
                'put_away',
                null,
                lot.pieces.length,
                lot.pieces.reduce((sum, piece) => sum + (piece.netKg ?? 0), 0),
              ),
            ];
          }
          case 'WeightToleranceExceeded': {
            const d = domain.data;
            const message = create(LotWeightToleranceExceededSchema, {
              lotId: d.lotId,
              orderId: d.orderId,
              warehouse: d.warehouse,
              ownerStorageCard: d.owner,
              expected: toWeight(d.expectedKg),
              net: toWeight(d.netKg),
              difference: toWeight(d.differenceKg),
              toleranceBasisPoints: d.toleranceBps,
              allowedDifference: toWeight(d.allowedDifferenceKg),
              weighedBy: toActor(event.metadata.actor),
              weighedAt: toTimestamp(d.at),
            });
            return [onLotTopic(event, LotWeightToleranceExceededSchema.typeName, registry.encodeEvent(LotWeightToleranceExceededSchema.typeName, message))];
          }
          case 'LotBecameAvailable': {
            const d = domain.data;
            const message = create(LotBecameAvailableSchema, {
              lotId: d.lotId,
              orderId: d.orderId,
              warehouse: d.warehouse,
              ownerStorageCard: d.owner,
              commodity: commodityPb(d.commodity),
              brand: d.brand,
              grade: d.grade,
              pieces: d.pieces,
              net: toWeight(d.netKg),
              productionDates: d.productionDates.map((value) => create(LocalDateSchema, { value })),
              locations: d.locations.map((l) =>
                create(LotLocationSchema, { locationId: l.locationId, pieces: l.pieces, net: toWeight(l.netKg), areaKind: l.areaKind ?? '' }),
              ),
              inspectionReportRef: d.inspectionReportRef ?? '',
              completedBy: toActor(event.metadata.actor),
              completedAt: toTimestamp(d.at),
            });
            return [onLotTopic(event, LotBecameAvailableSchema.typeName, registry.encodeEvent(LotBecameAvailableSchema.typeName, message))];
          }
          default:
            return [];
        }
      });
    };
}

function commodityPb(commodity: StandardCommodity): StandardCommodityPb {
  return create(StandardCommoditySchema, {
    code: commodity.code,
    product: commodity.product,
    specification: commodity.specification,
    model: commodity.model,
    material: commodity.material,
    standardName: standardNameOf(commodity),
  });
}
