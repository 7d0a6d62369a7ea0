import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { IfMatchVersion, Roles, setETag, type IfMatchExpectation } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { SplitReceiptCommandHandler } from './split-receipt.command-handler';
import { SplitReceiptRequestDto } from './split-receipt.request.dto';

@Controller('receipts/:receiptNumber/split')
export class SplitReceiptHttpController {
  constructor(@Inject(SplitReceiptCommandHandler) private readonly handler: SplitReceiptCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('depositor')
  async split(
    @Param('receiptNumber') receiptNumber: string,
    @Body() body: SplitReceiptRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    const result = await this.handler.execute(receiptNumber, body, caller, typeof expected === 'number' ? expected : undefined);
    setETag(response, result.version);
    return { receiptNumber, status: 'split', children: result.children, version: result.version };
  }
}
