import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_REQUIRED } from './idempotency.interceptor';

/**
 * For mutating integration routes: the request must carry an Idempotency-Key. Every other
 * mutating route honours the key when it is sent (IdempotencyInterceptor is global); this
 * marks the routes whose callers (the exchange, banks, scales) must always send one.
 */
export const Idempotent = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(IDEMPOTENCY_KEY_REQUIRED, true),
    ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: true, description: 'same key + same request = the first answer replayed' }),
  );
