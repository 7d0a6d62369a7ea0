import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { EdgeRequest } from '../http/edge-request';
import { ProblemException } from '../problem/problem.exception';
import { routeAuthOf } from './auth.decorators';

/** Global, after authentication: enforces @Roles(...) for people and integration clients alike. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const route = routeAuthOf(this.reflector, context);
    if (route.isPublic || route.roles.length === 0) return true;
    const principal = context.switchToHttp().getRequest<EdgeRequest>().principal;
    if (principal === undefined) throw new ProblemException(401, 'UNAUTHENTICATED', 'this operation needs an authenticated caller');
    if (principal.roles.some((role) => route.roles.includes(role))) return true;
    throw new ProblemException(403, 'FORBIDDEN_ROLE', `this operation needs one of the roles: ${route.roles.join(', ')}`, {
      details: { requiredRoles: route.roles },
    });
  }
}
