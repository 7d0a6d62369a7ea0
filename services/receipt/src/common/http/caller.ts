import type { EventMetadata } from '@dw/event-store';
import { refuse, type Clock } from '@dw/kernel';
import { callerMetadataOf, type Caller, type Principal, type Role } from '@dw/platform';
import type { Actor, ActorRole } from '../domain/actor';
import { nowOf } from './clock-instant';

export { CurrentCaller, type Caller } from '@dw/platform';

/** Platform roles that act in the receipt domain under the same name; the others (operator, ops, ...) act through the system. */
const DOMAIN_ROLES: Readonly<Partial<Record<Role, ActorRole>>> = {
  depositor: 'depositor',
  clerk: 'clerk',
  manager: 'manager',
  exchange: 'exchange',
  bank: 'bank',
  court: 'court',
};

/**
 * The domain actor for a principal, in the first of `allowed` roles it holds. People act with
 * their party (a depositor's party id); an integration client (exchange, bank, court) is its
 * own party, so a hold it places names it and only it can lift the hold.
 */
export function actorOf(principal: Principal, allowed: readonly ActorRole[]): Actor {
  const role = allowed.find((wanted) => principal.roles.some((held) => DOMAIN_ROLES[held] === wanted));
  if (!role) {
    // The route's @Roles guard normally answers first; this keeps a misconfigured route from caller.
    throw refuse.forbidden('ACTOR_ROLE_FORBIDDEN', `this operation needs one of the roles: ${allowed.join(', ')}`, { allowed });
  }
  const integration = role === 'exchange' || role === 'bank' || role === 'court';
  const partyId = integration ? principal.subject : principal.partyId;
  return { subject: principal.subject, role, ...(partyId !== undefined ? { partyId } : {}) };
}

/** Event metadata for a command `actor` performs in the request `caller`. */
export const metadataOf: (caller: Caller, actor: Actor) => EventMetadata = callerMetadataOf;

/** Who acts, when (from the injected clock) and the metadata its events carry: what a command handler starts from. */
export function commandContextOf(caller: Caller, allowed: readonly ActorRole[], clock: Clock): { actor: Actor; at: string; metadata: EventMetadata } {
  const actor = actorOf(caller.principal, allowed);
  return { actor, at: nowOf(clock), metadata: metadataOf(caller, actor) };
}
