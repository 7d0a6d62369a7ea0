import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Reflector } from '@nestjs/core';
import type { EdgeRequest } from '../http/edge-request';
import { ProblemException } from '../problem/problem.exception';
import type { Principal } from './principal';
import type { Role } from './role';

const IS_PUBLIC = 'dw:public';
const REQUIRED_ROLES = 'dw:roles';
const AUTH_SCHEME = 'dw:auth-scheme';

export type AuthScheme = 'bearer' | 'integration';

/** OpenAPI extensions the document's post-processing reads (see installOpenApi). */
export const OPENAPI_PUBLIC = 'x-public';
export const OPENAPI_ROLES = 'x-roles';

/** No authentication at all: health, metrics. Everything else is authenticated by default. */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(OPENAPI_PUBLIC, true));

/** The caller needs at least one of these roles (403 `FORBIDDEN_ROLE` otherwise); the document lists them as `x-roles`. */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension(OPENAPI_ROLES, roles));

/** Marks routes authenticated by HMAC-signed requests instead of bearer tokens (see IntegrationApi). */
export const UseAuthScheme = (scheme: AuthScheme): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(AUTH_SCHEME, scheme), ...(scheme === 'bearer' ? [ApiBearerAuth()] : []));

/** The authenticated caller, for handlers behind the guards. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<EdgeRequest>().principal;
  // Only reachable on a @Public() route, where asking for the caller is a programming error.
  if (principal === undefined) throw new ProblemException(401, 'UNAUTHENTICATED', 'this operation needs an authenticated caller');
  return principal;
});

export interface RouteAuth {
  isPublic: boolean;
  scheme: AuthScheme;
  roles: readonly Role[];
}

/** What a route asks of its caller; method metadata wins over controller metadata. */
export function routeAuthOf(reflector: Reflector, context: ExecutionContext): RouteAuth {
  const targets = [context.getHandler(), context.getClass()];
  return {
    isPublic: reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) === true,
    scheme: reflector.getAllAndOverride<AuthScheme | undefined>(AUTH_SCHEME, targets) ?? 'bearer',
    roles: reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets) ?? [],
  };
}
