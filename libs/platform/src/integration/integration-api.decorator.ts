import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiSecurity } from '@nestjs/swagger';
import { UseAuthScheme } from '../auth/auth.decorators';
import { SIGNATURE_HEADERS } from './request-signature';

export const INTEGRATION_SECURITY_SCHEME = 'integration-hmac';

/**
 * Routes called by integration clients (exchange, banks, devices): authenticated by the
 * HMAC-signed headers instead of a bearer token. Combine with @Roles('exchange') etc.
 */
export const IntegrationApi = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    UseAuthScheme('integration'),
    ApiSecurity(INTEGRATION_SECURITY_SCHEME),
    ...Object.values(SIGNATURE_HEADERS).map((name) => ApiHeader({ name, required: true })),
  );
