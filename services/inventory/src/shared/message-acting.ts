import { type Actor, fromTimestamp } from '@dw/contracts';
import type { Acting, InboxContext } from '@dw/platform';

/** Another service's actor and time from a consumed message, carried into inventory's events caused by it. */
export function actingOfMessage(ctx: InboxContext, actor: Actor | undefined, at: Parameters<typeof fromTimestamp>[0], field: string): Acting {
  const subject = actor?.subject || 'unknown';
  return {
    actor: subject,
    at: fromTimestamp(at, field),
    metadata: { ...ctx.causedMetadata(), actor: { subject, role: actor?.role || 'unknown', ...(actor?.partyId ? { partyId: actor.partyId } : {}) } },
  };
}
