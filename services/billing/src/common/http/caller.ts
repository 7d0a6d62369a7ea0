import type { EventMetadata } from '@dw/event-store';
import { refuse, type Clock } from '@dw/kernel';
import { callerMetadataOf, type Caller } from '@dw/platform';
import type { Actor, ActorRole } from '../domain/actor';

export { CurrentCaller, type Caller } from '@dw/platform';

/**
 * The domain actor for the caller, in the first of `allowed` roles it holds, the command's
 * instant from the injected clock, and the metadata its events carry.
 */
export function commandContextOf(caller: Caller, allowed: readonly ActorRole[], clock: Clock): { actor: Actor; at: string; metadata: EventMetadata } {
  const { principal } = caller;
  const role = allowed.find((wanted) => principal.roles.includes(wanted));
  // The route's @Roles guard answers first; this keeps a misconfigured route from acting.
  if (!role) throw refuse.forbidden('ACTOR_ROLE_FORBIDDEN', `this operation needs one of the roles: ${allowed.join(', ')}`, { allowed });
  const actor: Actor = { subject: principal.subject, role, ...(principal.partyId !== undefined ? { partyId: principal.partyId } : {}) };
  return { actor, at: clock.now().toISOString(), metadata: callerMetadataOf(caller, actor) };
}
