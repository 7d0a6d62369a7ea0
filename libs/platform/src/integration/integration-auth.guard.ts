import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Clock } from '@dw/kernel';
import { routeAuthOf } from '../auth/auth.decorators';
import { AUTH_REALM } from '../auth/jwt-auth.guard';
import { headerOf, type EdgeRequest } from '../http/edge-request';
import { ProblemException } from '../problem/problem.exception';
import { CLOCK } from '../time/clock.token';
import { IntegrationClientDirectory } from './integration-client.directory';
import { NonceStore } from './nonce.store';
import { MAX_CLOCK_SKEW_SECONDS, SIGNATURE_HEADERS, signatureOf, signaturesMatch } from './request-signature';

const UNIX_SECONDS = /^\d{1,12}$/;
const NONCE = /^[A-Za-z0-9._~-]{8,128}$/;

/**
 * Global guard for @IntegrationApi() routes. Checks, in order: the four headers, the client,
 * the clock skew, the signature over the raw body bytes, and only then records the nonce, so
 * that a forged request cannot burn a nonce a genuine one will use.
 */
@Injectable()
export class IntegrationAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly clients: IntegrationClientDirectory,
    private readonly nonces: NonceStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUTH_REALM) private readonly realm: string,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const route = routeAuthOf(this.reflector, context);
    if (route.isPublic || route.scheme !== 'integration') return true;
    const request = context.switchToHttp().getRequest<EdgeRequest>();

    const headers = Object.values(SIGNATURE_HEADERS).map((name) => headerOf(request, name));
    const missing = Object.values(SIGNATURE_HEADERS).filter((_name, index) => headers[index] === undefined);
    if (missing.length > 0) throw this.refuse('SIGNATURE_MISSING', `missing headers: ${missing.join(', ')}`);
    const [clientId, timestampHeader, nonce, signature] = headers as [string, string, string, string];
    if (!UNIX_SECONDS.test(timestampHeader)) throw this.refuse('SIGNATURE_MISSING', `${SIGNATURE_HEADERS.timestamp} must be unix seconds`);
    if (!NONCE.test(nonce)) throw this.refuse('SIGNATURE_MISSING', `${SIGNATURE_HEADERS.nonce} must be 8-128 URL-safe characters`);
    const client = this.clients.find(clientId);
    if (client === undefined) throw this.refuse('SIGNATURE_MISSING', 'unknown client');

    const timestamp = Number(timestampHeader);
    const skew = Math.abs(this.clock.now().getTime() / 1000 - timestamp);
    if (skew > MAX_CLOCK_SKEW_SECONDS) {
      throw this.refuse('REQUEST_STALE', `the timestamp is more than ${MAX_CLOCK_SKEW_SECONDS} s from the server clock`);
    }
    const expected = signatureOf(client.secret, {
      method: request.method ?? '',
      path: request.originalUrl,
      timestamp,
      nonce,
      body: request.rawBody,
    });
    if (!signaturesMatch(expected, signature)) throw this.refuse('SIGNATURE_INVALID', 'the signature does not match the request');
    if (!(await this.nonces.remember(client.id, nonce))) throw this.refuse('NONCE_REPLAYED', 'this nonce was already used');

    request.principal = { subject: client.id, roles: [client.role], ...(client.name !== undefined ? { name: client.name } : {}) };
    return true;
  }

  private refuse(code: string, detail: string): ProblemException {
    const challenge = `DW-HMAC-SHA256 realm="${this.realm}", headers="${Object.values(SIGNATURE_HEADERS).join(' ')}"`;
    return new ProblemException(401, code, detail, { headers: { 'WWW-Authenticate': challenge } });
  }
}
