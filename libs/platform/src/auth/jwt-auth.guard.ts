import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { headerOf, type EdgeRequest } from '../http/edge-request';
import { ProblemException } from '../problem/problem.exception';
import { routeAuthOf } from './auth.decorators';
import { JwtVerificationError, JwtVerifier } from './jwt-verifier';

export const AUTH_REALM = 'DW_AUTH_REALM';

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i;

/**
 * The one bearer-token guard of every service (global). It authenticates every HTTP route
 * that is neither @Public() nor an integration route, so a new route is protected unless
 * someone decides otherwise. 401s carry an RFC 6750 `WWW-Authenticate` challenge.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
    @Inject(AUTH_REALM) private readonly realm: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const route = routeAuthOf(this.reflector, context);
    if (route.isPublic || route.scheme !== 'bearer') return true;
    const request = context.switchToHttp().getRequest<EdgeRequest>();
    const authorization = headerOf(request, 'authorization');
    if (authorization === undefined) throw this.refuse('a bearer token is required');
    const token = BEARER.exec(authorization.trim())?.[1];
    if (token === undefined) throw this.refuse('the Authorization header must be "Bearer <token>"', 'invalid_request');
    try {
      request.principal = this.verifier.verify(token);
    } catch (error) {
      if (error instanceof JwtVerificationError) throw this.refuse(error.reason, 'invalid_token');
      throw error;
    }
    return true;
  }

  private refuse(detail: string, error?: 'invalid_request' | 'invalid_token'): ProblemException {
    const challenge = [`Bearer realm="${this.realm}"`, ...(error ? [`error="${error}"`, `error_description="${detail.replace(/"/g, "'")}"`] : [])];
    return new ProblemException(401, 'UNAUTHENTICATED', detail, { headers: { 'WWW-Authenticate': challenge.join(', ') } });
  }
}
