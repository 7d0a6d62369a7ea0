import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { IfMatchVersion, Roles, setETag, type IfMatchExpectation } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { CancelReceiptCommandHandler } from './cancel-receipt.command-handler';
import { CancelReceiptRequestDto } from './cancel-receipt.request.dto';

@Controller('receipts/:receiptNumber/cancel')
export class CancelReceiptHttpController {
  constructor(@Inject(CancelReceiptCommandHandler) private readonly handler: CancelReceiptCommandHandler) {}

  @Post()
  @HttpCode(200)
  @Roles('depositor')
  async cancel(
    @Param('receiptNumber') receiptNumber: string,
    @Body() body: CancelReceiptRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    const result = await this.handler.execute(receiptNumber, body.purpose, caller, typeof expected === 'number' ? expected : undefined);
    setETag(response, result.version);
    return { receiptNumber, status: 'cancelled', purpose: body.purpose, entitlementId: result.entitlementId, version: result.version };
  }
}
