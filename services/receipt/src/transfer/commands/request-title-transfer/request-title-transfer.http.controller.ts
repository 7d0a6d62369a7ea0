import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { Roles } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { RequestTitleTransferCommandHandler } from './request-title-transfer.command-handler';
import { RequestTitleTransferRequestDto } from './request-title-transfer.request.dto';
import { RequestTitleTransferResponseDto } from './request-title-transfer.response.dto';

/**
 * The holder transfers title online. A mismatch of holder name, card or commodity is refused
 * (TRANSFER_HOLDER_MISMATCH / TRANSFER_CARD_MISMATCH / TRANSFER_COMMODITY_MISMATCH, 422) and
 * raises an alarm; a held or expired receipt is refused (RECEIPT_HELD / RECEIPT_EXPIRED, 409).
 */
@Controller('transfers')
export class RequestTitleTransferHttpController {
  constructor(@Inject(RequestTitleTransferCommandHandler) private readonly handler: RequestTitleTransferCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('depositor')
  @ApiCreatedResponse({ type: RequestTitleTransferResponseDto, description: 'transferred: the buyer’s card holds title to every receipt of the request' })
  async transfer(@Body() body: RequestTitleTransferRequestDto, @CurrentCaller() caller: Caller) {
    const result = await this.handler.execute(body, caller);
    return { transferId: result.transferId, buyerCard: body.buyerCard, receipts: result.receipts };
  }
}
