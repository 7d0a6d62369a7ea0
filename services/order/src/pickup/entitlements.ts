import { handleCommandIn, type EventMetadata, type EventStoreTransaction, type HandledCommand } from '@dw/event-store';
import type { EntitlementCommand } from './domain/entitlement.commands';
import { entitlementDecider, type EntitlementState } from './domain/entitlement.decider';

/*
 * Outbound entitlements as the receipt service grants and exhausts them, shared by the grant and
 * exhaustion consumers and the holder's pickup application.
 */

export const ENTITLEMENT_STREAM_TYPE = 'entitlement';
export const entitlementStream = (entitlementId: string): string => `entitlement-${entitlementId}`;

/** The outbound order of an entitlement has a predictable id: one order per entitlement, found by its name. */
export const outboundOrderIdOf = (entitlementId: string): string => `out-${entitlementId}`;

/** Decides one command on the entitlement's stream, in the caller's transaction. */
export function decideEntitlementIn(
  tx: EventStoreTransaction,
  command: EntitlementCommand,
  metadata: EventMetadata,
): Promise<HandledCommand<EntitlementState>> {
  return handleCommandIn(tx, {
    streamId: entitlementStream(command.data.entitlementId),
    streamType: ENTITLEMENT_STREAM_TYPE,
    decider: entitlementDecider,
    command,
    metadata,
  });
}
