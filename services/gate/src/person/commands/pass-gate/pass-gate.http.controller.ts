import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@dw/platform';
import { PersonEntryResponseDto, PersonExitResponseDto } from '../../person.response.dto';
import { PassGateCommandHandler } from './pass-gate.command-handler';
import { PersonEntryRequestDto, PersonExitRequestDto } from './pass-gate.request.dto';

/** A guard checks a visitor's ID card at the gate against the visit, and records the visitor leaving. A refusal is an answer (200, refused), not an error. */
@Controller()
@Roles('gate_guard')
export class PassGateHttpController {
  constructor(@Inject(PassGateCommandHandler) private readonly handler: PassGateCommandHandler) {}

  @Post('person-entries')
  @HttpCode(200)
  @ApiOkResponse({ type: PersonEntryResponseDto, description: 'the gate’s decision: admitted, or refused with the reasons' })
  enter(@Body() body: PersonEntryRequestDto, @CurrentCaller() caller: Caller): Promise<PersonEntryResponseDto> {
    return this.handler.enter(body, caller);
  }

  @Post('person-exits')
  @HttpCode(200)
  @ApiOkResponse({ type: PersonExitResponseDto, description: 'the visitor has left; 409 PERSON_NOT_ON_SITE' })
  exit(@Body() body: PersonExitRequestDto, @CurrentCaller() caller: Caller): Promise<PersonExitResponseDto> {
    return this.handler.exit(body, caller);
  }
}
