import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { ScaleReadingResponseDto } from '../../weighbridge.response.dto';
import { ScaleReadingCommandHandler } from './scale-reading.command-handler';
import { ScaleReadingRequestDto } from './scale-reading.request.dto';

/**
 * The weighbridge scale posts each reading here: a signed integration client with role `device`
 * (its client id is the scale's id), so an unsigned, wrongly signed, stale or replayed reading is
 * refused before it is read. No person route records a weight.
 */
@Controller('integration/gate')
@IntegrationApi()
@Roles('device')
export class ScaleReadingHttpController {
  constructor(@Inject(ScaleReadingCommandHandler) private readonly handler: ScaleReadingCommandHandler) {}

  @Post('scale-readings')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({
    type: ScaleReadingResponseDto,
    description: 'tare or gross recorded; the second reading carries the weigh ticket and, for goods going out, the exit decision',
  })
  read(@Body() body: ScaleReadingRequestDto, @CurrentCaller() caller: Caller): Promise<ScaleReadingResponseDto> {
    return this.handler.read(body, caller);
  }
}
