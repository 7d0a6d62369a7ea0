import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { ExitDecisionResponseDto } from '../../weighbridge.response.dto';
import { ExitCheckCommandHandler } from './exit-check.command-handler';

/** A guard runs the exit check again once a hold was dealt with (the appointment restored, the freeze lifted, the load corrected). */
@Controller('visits')
@Roles('gate_guard')
export class ExitCheckHttpController {
  constructor(@Inject(ExitCheckCommandHandler) private readonly handler: ExitCheckCommandHandler) {}

  @Post(':visitId/exit-check')
  @HttpCode(200)
  @ApiOkResponse({ type: ExitDecisionResponseDto, description: 'released with the signed pass, or held with the failed conditions and their alarms' })
  check(@Param('visitId') visitId: string, @CurrentCaller() caller: Caller): Promise<ExitDecisionResponseDto> {
    return this.handler.recheck(visitId, caller);
  }
}
