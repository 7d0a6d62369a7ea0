import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyInterceptor } from './idempotency.interceptor';

/** For mutating integration routes: the request must carry an Idempotency-Key (see IdempotencyInterceptor). */
export const Idempotent = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: true, description: 'same key + same request = the first answer replayed' }),
  );
