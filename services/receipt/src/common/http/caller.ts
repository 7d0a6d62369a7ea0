import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@dw/event-store';
import { refuse, type Clock } from '@dw/kernel';
import { currentTraceparent } from '@dw/observability';
import type { EdgeRequest, Principal, Role } from '@dw/platform';
import type { Actor, ActorRole } from '../domain/actor';
import { nowOf } from './clock-instant';

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
 * Who acts in a command, and the metadata its events carry. `correlationId` is the request's
 * trace id, so the events, the logs and the trace of one request share one id.
 */
export interface Caller {
  readonly principal: Principal;
  readonly correlationId: string;
}

export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<EdgeRequest>();
  if (!request.principal) throw new Error('CurrentCaller needs an authenticated route');
  return { principal: request.principal, correlationId: request.traceId ?? randomUUID() };
});

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
export function metadataOf(caller: Caller, actor: Actor): EventMetadata {
  return { actor: { ...actor }, correlationId: caller.correlationId, traceparent: currentTraceparent() };
}

/** Who acts, when (from the injected clock) and the metadata its events carry: what a command handler starts from. */
export function commandContextOf(caller: Caller, allowed: readonly ActorRole[], clock: Clock): { actor: Actor; at: string; metadata: EventMetadata } {
  const actor = actorOf(caller.principal, allowed);
  return { actor, at: nowOf(clock), metadata: metadataOf(caller, actor) };
}
