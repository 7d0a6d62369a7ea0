import { refuse } from '@dw/kernel';

/**
 * Who acts on billing data: the platform's people roles that reach this service. Shaped like the
 * event store's ActorRef so a command's actor is also its events' metadata actor.
 */
export type ActorRole = 'manager' | 'clerk' | 'depositor';

export interface Actor {
  readonly subject: string;
  readonly role: ActorRole;
  /** The party a depositor acts for. */
  readonly partyId?: string;
}

/** Refuses an actor whose role may not perform `action` (HTTP 403). */
export function requireRole(actor: Actor, allowed: readonly ActorRole[], action: string): void {
  if (!allowed.includes(actor.role)) {
    throw refuse.forbidden('ACTOR_ROLE_FORBIDDEN', `a ${actor.role} may not ${action}`, { role: actor.role, allowed, action });
  }
}
