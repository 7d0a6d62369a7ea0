import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Roles, setETag } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { MergeReceiptsCommandHandler } from './merge-receipts.command-handler';
import { MergeReceiptsRequestDto } from './merge-receipts.request.dto';
import { MergeReceiptsResponseDto } from './merge-receipts.response.dto';

@Controller('receipts/merge')
export class MergeReceiptsHttpController {
  constructor(@Inject(MergeReceiptsCommandHandler) private readonly handler: MergeReceiptsCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('depositor')
  @ApiCreatedResponse({ type: MergeReceiptsResponseDto, description: 'merged: one new receipt in place of the parents' })
  async merge(@Body() body: MergeReceiptsRequestDto, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) response: ServerResponse) {
    const result = await this.handler.execute(body.receiptNumbers, caller);
    setETag(response, result.version);
    response.setHeader('Location', `/receipts/${result.receiptNumber}`);
    return { receiptNumber: result.receiptNumber, mergedFrom: body.receiptNumbers, version: result.version };
  }
}
