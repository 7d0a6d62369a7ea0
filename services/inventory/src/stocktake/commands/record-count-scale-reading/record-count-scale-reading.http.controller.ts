import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { WeighingRequestDto, weighingSubjectOf } from '../../../lot/commands/record-scale-reading/weighing.request.dto';
import { StocktakeChangeResponseDto } from '../stocktake-change.response.dto';
import { RecordCountScaleReadingCommandHandler } from './record-count-scale-reading.command-handler';

/**
 * A signed scale weighs a counted piece during a stocktake (rule INV-VARIANCE-WEIGHT-EVIDENCE):
 * the same device signature as a receiving reading (HMAC, the scale id is the signer), so the
 * piece's counted weight has a reading behind it and a weight variance from it needs no approval
 * to raise the book. Idempotency-Key makes a scale's retry answer the same.
 */
@Controller('stocktakes')
@IntegrationApi()
export class RecordCountScaleReadingHttpController {
  constructor(@Inject(RecordCountScaleReadingCommandHandler) private readonly handler: RecordCountScaleReadingCommandHandler) {}

  @Post(':stocktakeId/scale-readings')
  @HttpCode(201)
  @Roles('device')
  @Idempotent()
  @ApiCreatedResponse({ type: StocktakeChangeResponseDto, description: 'reading recorded as the counted piece’s weight' })
  record(@Param('stocktakeId') stocktakeId: string, @Body() body: WeighingRequestDto, @CurrentCaller() scale: Caller) {
    return this.handler.execute(
      stocktakeId,
      { readingId: body.readingId, subject: weighingSubjectOf(body.subject), grossKg: body.grossKg, tareKg: body.tareKg, weighedAt: body.weighedAt },
      scale,
    );
  }
}
