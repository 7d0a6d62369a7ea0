import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { RecordScaleReadingCommandHandler } from './record-scale-reading.command-handler';
import { LotChangeResponseDto } from '../lot-change.response.dto';
import { ScaleReadingRequestDto } from './scale-reading.request.dto';
import { weighingSubjectOf } from './weighing.request.dto';

/**
 * Electronic scales post their readings here (rule INV-SCALE-ONLY-WEIGHTS: weights go straight to
 * the system, never typed). Each scale is an integration client with role `device` and its own
 * key: the request is HMAC-signed (X-Client-Id, X-Timestamp, X-Nonce, X-Signature), so an
 * unsigned, wrongly signed, stale or replayed reading is refused before it is read, and the scale id is the signer's id.
 * Idempotency-Key makes a scale's retry answer the same without recording the reading twice.
 */
@Controller('scale-readings')
@IntegrationApi()
export class RecordScaleReadingHttpController {
  constructor(private readonly handler: RecordScaleReadingCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('device')
  @Idempotent()
  @ApiCreatedResponse({ type: LotChangeResponseDto, description: 'reading recorded (a retry with the same Idempotency-Key answers the same)' })
  record(@Body() body: ScaleReadingRequestDto, @CurrentCaller() scale: Caller) {
    return this.handler.execute(
      body.lotId,
      { readingId: body.readingId, subject: weighingSubjectOf(body.subject), grossKg: body.grossKg, tareKg: body.tareKg, weighedAt: body.weighedAt },
      scale,
    );
  }
}
