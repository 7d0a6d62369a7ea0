import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@dw/event-store';
import type { Clock, DomainActor } from '@dw/kernel';
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
 * The context of a command a caller sends as itself, in its first role: for routes whose @Roles
 * guard is the whole role check, so the domain knows the caller as the token names it.
 */
export function callerContextOf(caller: Caller, clock: Clock): CommandContext {
  const { principal } = caller;
  const actor: DomainActor<string> = {
    subject: principal.subject,
    role: principal.roles[0] ?? 'unknown',
    ...(principal.partyId ? { partyId: principal.partyId } : {}),
  };
  return { actor, at: clock.now().toISOString(), metadata: callerMetadataOf(caller, actor) };
}
