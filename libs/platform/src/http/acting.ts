import type { EventMetadata } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { currentTraceparent } from '@dw/observability';
import type { Principal } from '../auth/principal';

/** Who acts and when, as a decider records it (`actor`, `at`) and as event metadata records it. */
export interface Acting {
  readonly actor: string;
  readonly at: string;
  readonly metadata: EventMetadata;
}

/**
 * The acting context of a command from the edge: the caller (subject, first role, party) from
 * the verified token or signature, the time from the injected Clock, the current trace, and a
 * correlation id that ties the events of one business flow together.
 */
export function actingAs(principal: Principal, clock: Clock, correlationId: string): Acting {
  return {
    actor: principal.subject,
    at: clock.now().toISOString(),
    metadata: {
      actor: { subject: principal.subject, role: principal.roles[0] ?? 'unknown', ...(principal.partyId ? { partyId: principal.partyId } : {}) },
      correlationId,
      traceparent: currentTraceparent(),
    },
  };
}
