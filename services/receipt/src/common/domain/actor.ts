import { refuse } from '@dw/kernel';

/**
 * Who acts on receipts: the platform's roles (README.md, APIs) that reach this service, plus
 * `court` (a judicial authority placing or lifting a freeze) and `system` (scheduled jobs and
 * handlers of other services' events). Shaped like the event store's ActorRef so a command's
 * actor is also its events' metadata actor.
 */
export type ActorRole = 'depositor' | 'clerk' | 'manager' | 'exchange' | 'bank' | 'court' | 'system';

export interface Actor {
  readonly subject: string;
  readonly role: ActorRole;
  /** The party the actor acts for: the depositor's, bank's, court's or exchange's id. */
  readonly partyId?: string;
}

/** Refuses an actor whose role may not perform `action` (HTTP 403). */
export function requireRole(actor: Actor, allowed: readonly ActorRole[], action: string): void {
  if (!allowed.includes(actor.role)) {
    throw refuse.forbidden('ACTOR_ROLE_FORBIDDEN', `a ${actor.role} may not ${action}`, {
      role: actor.role,
      allowed,
      action,
    });
  }
}
