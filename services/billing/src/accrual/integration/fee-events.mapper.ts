import { create } from '@bufbuild/protobuf';
import { billingFeeTopic, EventRegistry, FeeAccruedSchema, FeeReversedSchema, LocalDateSchema, toTimestamp } from '@dw/contracts';
import type { OutboxMapper, OutboxMessage, PendingEvent } from '@dw/event-store';
import { cloudEventMessage } from '@dw/messaging';
import type { TopicNames } from '@dw/platform';
import type { HoldingEvent } from '../domain/holding.events';

/**
 * The public side of a holding's events: each FeeAccrued and FeeReversed on billing.fee.v1,
 * keyed by the party charged (a party's fees stay in order). The timeline facts themselves
 * (opened, holder changed, closed through) are billing's own and not published.
 */
export function feeOutbox(topics: TopicNames, registry: EventRegistry): OutboxMapper {
  const onFeeTopic = (event: PendingEvent, typeName: string, partyId: string, payload: Uint8Array): OutboxMessage => ({
    ...cloudEventMessage(event, { topic: topics.of(billingFeeTopic), source: '/dw/billing', type: typeName, payload }),
    key: partyId,
  });
  return (pending) =>
    pending.flatMap((event): OutboxMessage[] => {
      const domain = { type: event.type, data: event.data } as HoldingEvent;
      switch (domain.type) {
        case 'FeeAccrued': {
          const d = domain.data;
          const message = create(FeeAccruedSchema, {
            feeId: d.feeId,
            partyId: d.partyId,
            // The item as the contract names it: storage | transfer | load_in | load_out | …
            item: d.item,
            receiptNumber: d.receiptNumber ?? '',
            lotId: d.lotId ?? '',
            serviceDate: create(LocalDateSchema, { value: d.serviceDate }),
            chargedOn: create(LocalDateSchema, { value: d.chargedOn }),
            weightKg: BigInt(d.weightKg),
            rateFen: BigInt(d.rateFen),
            amountFen: BigInt(d.amountFen),
            rateSource: d.rateSource,
            rateVersion: d.rateVersion,
            accruedAt: toTimestamp(d.accruedAt),
          });
          return [onFeeTopic(event, FeeAccruedSchema.typeName, d.partyId, registry.encodeEvent(FeeAccruedSchema.typeName, message))];
        }
        case 'FeeReversed': {
          const d = domain.data;
          const message = create(FeeReversedSchema, {
            feeId: d.feeId,
            partyId: d.partyId,
            amountFen: BigInt(d.amountFen),
            reason: d.reason,
            reversedAt: toTimestamp(d.reversedAt),
          });
          return [onFeeTopic(event, FeeReversedSchema.typeName, d.partyId, registry.encodeEvent(FeeReversedSchema.typeName, message))];
        }
        default:
          return [];
      }
    });
}
