import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@dw/event-store';
import type { DomainActor } from '@dw/kernel';
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
