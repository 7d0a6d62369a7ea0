import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { WeighingRequestDto, weighingSubjectOf } from '../../../lot/commands/record-scale-reading/weighing.request.dto';
import { WeighLoadCommandHandler } from './weigh-load.command-handler';
import { WeighLoadResponseDto } from './weigh-load.response.dto';

const readingOf = (body: WeighingRequestDto) => ({
  readingId: body.readingId,
  subject: weighingSubjectOf(body.subject),
  grossKg: body.grossKg,
  tareKg: body.tareKg,
  weighedAt: body.weighedAt,
});

/**
 * The load-out scale posts its reading of the picked load here, HMAC-signed as an integration
 * client with role `device` (rule INV-SCALE-ONLY-WEIGHTS), exactly as receiving's
 * `POST /scale-readings`: the scale id is the signer; Idempotency-Key makes a retry answer the same.
 */
@Controller('outbound-orders')
@IntegrationApi()
export class RecordLoadScaleReadingHttpController {
  constructor(@Inject(WeighLoadCommandHandler) private readonly handler: WeighLoadCommandHandler) {}

  @Post(':orderId/scale-readings')
  @HttpCode(201)
  @Roles('device')
  @Idempotent()
  @ApiCreatedResponse({ type: WeighLoadResponseDto, description: 'the load weighed (a retry with the same Idempotency-Key answers the same)' })
  record(@Param('orderId') orderId: string, @Body() body: WeighingRequestDto, @CurrentCaller() scale: Caller) {
    return this.handler.recordScaleReading(orderId, readingOf(body), scale);
  }
}

/** A load weight typed by a clerk: refused (SCALE_READING_REQUIRED) where the order's workflow demands a scale reading. */
@Controller('outbound-orders')
export class RecordLoadManualWeighingHttpController {
  constructor(@Inject(WeighLoadCommandHandler) private readonly handler: WeighLoadCommandHandler) {}

  @Post(':orderId/manual-weighings')
  @HttpCode(201)
  @Roles('operator', 'clerk')
  @ApiCreatedResponse({ type: WeighLoadResponseDto, description: 'the load weighed' })
  record(@Param('orderId') orderId: string, @Body() body: WeighingRequestDto, @CurrentCaller() caller: Caller) {
    return this.handler.recordManualWeighing(orderId, readingOf(body), caller);
  }
}
