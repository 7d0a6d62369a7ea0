import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { VisitResponseDto } from '../../visit.response.dto';
import { EntryCommandHandler } from './entry.command-handler';
import { GuardEntryRequestDto, PlateReadRequestDto } from './enter.dto';

/**
 * Plate cameras post what they read here. Each camera is an integration client with role
 * `device` and its own key: the request is HMAC-signed (X-Client-Id, X-Timestamp, X-Nonce,
 * X-Signature), so an unsigned, wrongly signed, stale or replayed read is refused before it is
 * read, and the camera is the signer. A refusal at the gate is an answer (200, outcome refused), not an error.
 */
@Controller('integration/gate')
@IntegrationApi()
@Roles('device')
export class PlateReadHttpController {
  constructor(@Inject(EntryCommandHandler) private readonly handler: EntryCommandHandler) {}

  @Post('plate-reads')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: VisitResponseDto, description: 'the gate’s decision: admitted or refused (a repeat of the same read answers the same)' })
  read(@Body() body: PlateReadRequestDto, @CurrentCaller() caller: Caller): Promise<VisitResponseDto> {
    return this.handler.camera(body, caller);
  }
}

/** A guard types a plate at the gatehouse, with a reason: the camera missed it, or the vehicle's class needs a guard's release. */
@Controller('entries')
@Roles('gate_guard')
export class GuardEntryHttpController {
  constructor(@Inject(EntryCommandHandler) private readonly handler: EntryCommandHandler) {}

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: VisitResponseDto, description: 'the gate’s decision: admitted (with the guard’s reason) or refused' })
  enter(@Body() body: GuardEntryRequestDto, @CurrentCaller() caller: Caller): Promise<VisitResponseDto> {
    return this.handler.guard(body, caller);
  }
}
