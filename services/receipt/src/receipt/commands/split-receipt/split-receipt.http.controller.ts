import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { IfMatchVersion, Roles, setETag, type IfMatchExpectation, expectedVersionOf } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { SplitReceiptCommandHandler } from './split-receipt.command-handler';
import { SplitReceiptRequestDto } from './split-receipt.request.dto';
import { SplitReceiptResponseDto } from './split-receipt.response.dto';

@Controller('receipts/:receiptNumber/split')
export class SplitReceiptHttpController {
  constructor(@Inject(SplitReceiptCommandHandler) private readonly handler: SplitReceiptCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('depositor')
  @ApiCreatedResponse({ type: SplitReceiptResponseDto, description: 'split: child receipts issued in place of the parent' })
  async split(
    @Param('receiptNumber') receiptNumber: string,
    @Body() body: SplitReceiptRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<SplitReceiptResponseDto> {
    const result = await this.handler.execute(receiptNumber, body, caller, expectedVersionOf(expected));
    setETag(response, result.version);
    return { receiptNumber, status: 'split', children: result.children, version: result.version };
  }
}
