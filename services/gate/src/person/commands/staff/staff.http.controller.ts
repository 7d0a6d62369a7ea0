import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { StaffResponseDto } from '../../person.response.dto';
import { StaffCommandHandler } from './staff.command-handler';
import { DeactivateStaffRequestDto, RegisterStaffRequestDto } from './staff.request.dto';

/** A manager enrols the warehouse's staff for the face-recognition lanes, and deactivates them with a reason. */
@Controller('staff')
@Roles('manager')
export class StaffHttpController {
  constructor(@Inject(StaffCommandHandler) private readonly handler: StaffCommandHandler) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: StaffResponseDto, description: 'enrolled, active; 409 STAFF_ALREADY_REGISTERED' })
  register(@Body() body: RegisterStaffRequestDto, @CurrentCaller() caller: Caller): Promise<StaffResponseDto> {
    return this.handler.register(body, caller);
  }

  @Post(':staffId/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffResponseDto, description: 'deactivated: the lanes refuse them; 404 STAFF_NOT_FOUND, 409 STAFF_ALREADY_DEACTIVATED' })
  deactivate(@Param('staffId') staffId: string, @Body() body: DeactivateStaffRequestDto, @CurrentCaller() caller: Caller): Promise<StaffResponseDto> {
    return this.handler.deactivate(staffId, body, caller);
  }
}
