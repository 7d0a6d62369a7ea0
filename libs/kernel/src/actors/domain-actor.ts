import { refuse } from '../errors/domain-error';

/**
 * Who acts in a service's domain: a subject in one of the roles that service knows, and the party
 * it acts for (a depositor's, bank's, court's or exchange's id). Shaped like the event store's
 * ActorRef, so a command's actor is also its events' metadata actor.
 */
export interface DomainActor<R extends string> {
  readonly subject: string;
  readonly role: R;
  readonly partyId?: string;
}

/** Refuses an actor whose role may not perform `action` (HTTP 403 ACTOR_ROLE_FORBIDDEN). */
export function requireRole<R extends string>(actor: DomainActor<R>, allowed: readonly R[], action: string): void {
  if (!allowed.includes(actor.role)) {
    throw refuse.forbidden('ACTOR_ROLE_FORBIDDEN', `a ${actor.role} may not ${action}`, { role: actor.role, allowed, action });
  }
}
