import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { IfMatchVersion, Roles, setETag, type IfMatchExpectation } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { CancelReceiptCommandHandler } from './cancel-receipt.command-handler';
import { CancelReceiptRequestDto } from './cancel-receipt.request.dto';
import { CancelReceiptResponseDto } from './cancel-receipt.response.dto';

@Controller('receipts/:receiptNumber/cancel')
export class CancelReceiptHttpController {
  constructor(@Inject(CancelReceiptCommandHandler) private readonly handler: CancelReceiptCommandHandler) {}

  @Post()
  @HttpCode(200)
  @Roles('depositor')
  @ApiOkResponse({ type: CancelReceiptResponseDto, description: 'cancelled: the goods are now an outbound entitlement of the holder' })
  async cancel(
    @Param('receiptNumber') receiptNumber: string,
    @Body() body: CancelReceiptRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CancelReceiptResponseDto> {
    const result = await this.handler.execute(receiptNumber, body.purpose, caller, typeof expected === 'number' ? expected : undefined);
    setETag(response, result.version);
    return { receiptNumber, status: 'cancelled', purpose: body.purpose, entitlementId: result.entitlementId, version: result.version };
  }
}
