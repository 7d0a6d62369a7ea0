import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@dw/event-store';
import { refuse, type Clock } from '@dw/kernel';
import { currentTraceparent } from '@dw/observability';
import type { EdgeRequest, Principal } from '@dw/platform';
import type { Actor, ActorRole } from '../domain/actor';

/**
 * Who acts in a command, and the id its events share with the request's logs and trace
 * (`correlationId` is the request's trace id).
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
 * The domain actor for the caller, in the first of `allowed` roles it holds, the command's
 * instant from the injected clock, and the metadata its events carry.
 */
export function commandContextOf(caller: Caller, allowed: readonly ActorRole[], clock: Clock): { actor: Actor; at: string; metadata: EventMetadata } {
  const { principal } = caller;
  const role = allowed.find((wanted) => principal.roles.includes(wanted));
  // The route's @Roles guard answers first; this keeps a misconfigured route from acting.
  if (!role) throw refuse.forbidden('ACTOR_ROLE_FORBIDDEN', `this operation needs one of the roles: ${allowed.join(', ')}`, { allowed });
  const actor: Actor = { subject: principal.subject, role, ...(principal.partyId !== undefined ? { partyId: principal.partyId } : {}) };
  return {
    actor,
    at: clock.now().toISOString(),
    metadata: { actor: { ...actor }, correlationId: caller.correlationId, traceparent: currentTraceparent() },
  };
}
