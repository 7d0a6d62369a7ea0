import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { PersonVisitResponseDto } from '../../person.response.dto';
import { VisitorCommandHandler } from './visitor.command-handler';
import { DeclineVisitorRequestDto, RegisterVisitorRequestDto, RequestVisitorAppointmentRequestDto } from './visitor.request.dto';

/**
 * Visitors: asked for online (a depositor for its own staff, staff for a guest) or registered
 * by a guard at the gatehouse, then approved or declined by the host they come to see.
 */
@Controller()
export class VisitorHttpController {
  constructor(@Inject(VisitorCommandHandler) private readonly handler: VisitorCommandHandler) {}

  @Post('visitor-appointments')
  @HttpCode(201)
  @Roles('depositor', 'manager', 'ops', 'gate_guard')
  @ApiCreatedResponse({ type: PersonVisitResponseDto, description: 'asked for, awaiting the host’s approval' })
  request(@Body() body: RequestVisitorAppointmentRequestDto, @CurrentCaller() caller: Caller): Promise<PersonVisitResponseDto> {
    return this.handler.request(body, caller);
  }

  @Post('visitors')
  @HttpCode(201)
  @Roles('gate_guard')
  @ApiCreatedResponse({ type: PersonVisitResponseDto, description: 'registered for today, awaiting the host’s approval' })
  register(@Body() body: RegisterVisitorRequestDto, @CurrentCaller() caller: Caller): Promise<PersonVisitResponseDto> {
    return this.handler.register(body, caller);
  }

  @Post('visitor-appointments/:personVisitId/approve')
  @HttpCode(200)
  @Roles('manager', 'ops', 'gate_guard')
  @ApiOkResponse({ type: PersonVisitResponseDto, description: 'approved (again: the same answer); 403 NOT_THE_HOST, 409 VISITOR_ALREADY_DECIDED' })
  approve(@Param('personVisitId') personVisitId: string, @CurrentCaller() caller: Caller): Promise<PersonVisitResponseDto> {
    return this.handler.approve(personVisitId, caller);
  }

  @Post('visitor-appointments/:personVisitId/decline')
  @HttpCode(200)
  @Roles('manager', 'ops', 'gate_guard')
  @ApiOkResponse({ type: PersonVisitResponseDto, description: 'declined with the reason; 403 NOT_THE_HOST, 409 VISITOR_ALREADY_DECIDED' })
  decline(
    @Param('personVisitId') personVisitId: string,
    @Body() body: DeclineVisitorRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PersonVisitResponseDto> {
    return this.handler.decline(personVisitId, body, caller);
  }
}
