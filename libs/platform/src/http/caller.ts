import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@dw/event-store';
import { refuse, type Clock, type DomainActor } from '@dw/kernel';
import { currentTraceparent } from '@dw/observability';
import type { Principal } from '../auth/principal';
import type { EdgeRequest } from './edge-request';

/**
 * Who calls, and the id a command's events share with the request's logs and trace
 * (`correlationId` is the request's trace id). A service turns the principal into the actor of
 * its own domain (its roles, its parties).
 */
export interface Caller {
  readonly principal: Principal;
  readonly correlationId: string;
}

/** `@CurrentCaller() caller: Caller` in a handler's parameters, on an authenticated route. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<EdgeRequest>();
  if (!request.principal) throw new Error('CurrentCaller needs an authenticated route');
  return { principal: request.principal, correlationId: request.traceId ?? randomUUID() };
});

/** Event metadata for a command `actor` performs in the request `caller`. */
export function callerMetadataOf(caller: Caller, actor: DomainActor<string>): EventMetadata {
  return { actor: { ...actor }, correlationId: caller.correlationId, traceparent: currentTraceparent() };
}

/**
 * Who acts in a command, when (the injected clock's instant) and what its events carry: what a
 * command handler decides with, whether the command came from a caller or from a consumed message.
 */
export interface CommandContext<R extends string = string> {
  readonly actor: DomainActor<R>;
  readonly at: string;
  readonly metadata: EventMetadata;
}

/**
 * The context of a command a caller sends as itself. Without `allowed`, in its first role: for
 * routes whose @Roles guard is the whole role check, so the domain knows the caller as the token
 * names it. With `allowed` (a domain with roles of its own), in the first of those roles it holds,
 * so a person with several roles acts in the one the action needs; holding none is refused (403
 * ACTOR_ROLE_FORBIDDEN) — the route's @Roles guard answers first, this keeps a misconfigured
 * route from acting.
 */
export function callerContextOf(caller: Caller, clock: Clock): CommandContext;
export function callerContextOf<R extends string>(caller: Caller, clock: Clock, allowed: readonly R[]): CommandContext<R>;
export function callerContextOf(caller: Caller, clock: Clock, allowed?: readonly string[]): CommandContext {
  const { principal } = caller;
  const held: readonly string[] = principal.roles;
  const role = allowed ? allowed.find((wanted) => held.includes(wanted)) : (held[0] ?? 'unknown');
  if (role === undefined) throw refuse.forbidden('ACTOR_ROLE_FORBIDDEN', `this operation needs one of the roles: ${allowed?.join(', ')}`, { allowed });
  const actor: DomainActor<string> = {
    subject: principal.subject,
    role,
    ...(principal.partyId ? { partyId: principal.partyId } : {}),
  };
  return { actor, at: clock.now().toISOString(), metadata: callerMetadataOf(caller, actor) };
}
