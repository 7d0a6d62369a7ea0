import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { BarrierResponseDto } from '../../weighbridge.response.dto';
import { LeaveCommandHandler } from './leave.command-handler';
import { ExitReadRequestDto, GuardExitRequestDto } from './leave.request.dto';

/** The exit camera posts the plate at the barrier: a signed device (unsigned, stale or replayed reads refused). A hold is an answer, not an error. */
@Controller('integration/gate')
@IntegrationApi()
@Roles('device')
export class ExitReadHttpController {
  constructor(@Inject(LeaveCommandHandler) private readonly handler: LeaveCommandHandler) {}

  @Post('exit-reads')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: BarrierResponseDto, description: 'left (with its pass number) or held (the conditions and their alarms)' })
  read(@Body() body: ExitReadRequestDto, @CurrentCaller() caller: Caller): Promise<BarrierResponseDto> {
    return this.handler.camera(body, caller);
  }
}

/** A guard types the plate at the exit barrier, with a reason: the vehicle still leaves only on its pass, or needing none. */
@Controller('exits')
@Roles('gate_guard')
export class GuardExitHttpController {
  constructor(@Inject(LeaveCommandHandler) private readonly handler: LeaveCommandHandler) {}

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: BarrierResponseDto, description: 'left (with its pass number) or held (the conditions and their alarms)' })
  leave(@Body() body: GuardExitRequestDto, @CurrentCaller() caller: Caller): Promise<BarrierResponseDto> {
    return this.handler.guard(body, caller);
  }
}
