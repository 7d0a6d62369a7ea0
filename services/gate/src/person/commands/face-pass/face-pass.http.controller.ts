import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { FacePassResponseDto } from '../../person.response.dto';
import { FacePassCommandHandler } from './face-pass.command-handler';
import { FacePassRequestDto } from './face-pass.request.dto';

/**
 * Face-recognition lanes post each staff member's pass here, each lane device a signed
 * integration client with role `device`: unsigned, wrongly signed, stale or replayed calls are
 * refused before they are read, and the device is the signer. A refusal is an answer (200, refused).
 */
@Controller('integration/gate')
@IntegrationApi()
@Roles('device')
export class FacePassHttpController {
  constructor(@Inject(FacePassCommandHandler) private readonly handler: FacePassCommandHandler) {}

  @Post('face-passes')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: FacePassResponseDto, description: 'let through or refused (a retry of the same pass answers the same)' })
  pass(@Body() body: FacePassRequestDto, @CurrentCaller() caller: Caller): Promise<FacePassResponseDto> {
    return this.handler.pass(body, caller);
  }
}
