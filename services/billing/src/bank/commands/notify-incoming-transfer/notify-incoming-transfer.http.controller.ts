import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Idempotent, IntegrationApi, Roles, CurrentCaller, type Caller } from '@dw/platform';
import { NotifyIncomingTransferCommandHandler } from './notify-incoming-transfer.command-handler';
import { NotifyIncomingTransferRequestDto } from './notify-incoming-transfer.request.dto';
import { IncomingTransferResponseDto } from './notify-incoming-transfer.response.dto';

/** A bank notifies incoming payments and top-ups through its signed integration API (HMAC, timestamp, nonce, Idempotency-Key). */
@Controller('integration/bank')
@IntegrationApi()
@Roles('bank')
export class NotifyIncomingTransferHttpController {
  constructor(@Inject(NotifyIncomingTransferCommandHandler) private readonly handler: NotifyIncomingTransferCommandHandler) {}

  @Post('incoming-transfers')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: IncomingTransferResponseDto, description: 'booked to its party, held unmatched, or already known (a repeat changes nothing)' })
  notify(@Body() body: NotifyIncomingTransferRequestDto, @CurrentCaller() caller: Caller): Promise<IncomingTransferResponseDto> {
    return this.handler.execute(body, caller);
  }
}
