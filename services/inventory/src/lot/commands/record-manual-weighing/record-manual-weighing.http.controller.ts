import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { RecordManualWeighingCommandHandler } from './record-manual-weighing.command-handler';
import { LotChangeResponseDto } from '../lot-change.response.dto';
import { WeighingRequestDto, weighingSubjectOf } from '../record-scale-reading/weighing.request.dto';

/** A weight typed by a clerk: refused (SCALE_READING_REQUIRED) where the order's workflow demands a scale reading. */
@Controller('lots')
export class RecordManualWeighingHttpController {
  constructor(private readonly handler: RecordManualWeighingCommandHandler) {}

  @Post(':lotId/manual-weighings')
  @HttpCode(201)
  @Roles('operator', 'clerk')
  @ApiCreatedResponse({ type: LotChangeResponseDto, description: 'weighing recorded' })
  record(@Param('lotId') lotId: string, @Body() body: WeighingRequestDto, @CurrentCaller() caller: Caller) {
    return this.handler.execute(
      lotId,
      { readingId: body.readingId, subject: weighingSubjectOf(body.subject), grossKg: body.grossKg, tareKg: body.tareKg, weighedAt: body.weighedAt },
      caller,
    );
  }
}
