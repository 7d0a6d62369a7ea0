import { create } from '@bufbuild/protobuf';
import { OutboundEntitlementExhaustedSchema, receiptEntitlementTopic, toTimestamp, toWeight } from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { publicEvent, type PublicEvent } from '../../common/integration/receipt-outbox';
import type { EntitlementEvent } from '../domain/entitlement.events';
import type { EntitlementState } from '../domain/entitlement.decider';

/**
 * The entitlement stream's public facts: only its exhaustion (the grant went out with the
 * receipt's cancellation). Keyed by entitlement id, like OutboundEntitlementGranted, so the order
 * service reads both in order.
 */
export function entitlementPublicEvents(pending: PendingEvent, _before: EntitlementState): readonly PublicEvent[] {
  const event = { type: pending.type, data: pending.data } as EntitlementEvent;
  if (event.type !== 'OutboundEntitlementExhausted') return [];
  const { entitlementId, receiptNumber, holderCard, grantedKg, shippedKg, overShortKg, at } = event.data;
  return [
    publicEvent(
      receiptEntitlementTopic,
      OutboundEntitlementExhaustedSchema,
      create(OutboundEntitlementExhaustedSchema, {
        entitlementId,
        receiptNumber,
        holderStorageCard: holderCard,
        granted: toWeight(grantedKg),
        shipped: toWeight(shippedKg),
        overShort: toWeight(overShortKg),
        exhaustedAt: toTimestamp(at),
      }),
      entitlementId,
    ),
  ];
}
