import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Roles, setETag } from '@dw/platform';
import { CurrentActing, type Acting } from '../../../common/http/acting';
import { MergeReceiptsCommandHandler } from './merge-receipts.command-handler';
import { MergeReceiptsRequestDto } from './merge-receipts.request.dto';

@Controller('receipts/merge')
export class MergeReceiptsHttpController {
  constructor(@Inject(MergeReceiptsCommandHandler) private readonly handler: MergeReceiptsCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('depositor')
  async merge(@Body() body: MergeReceiptsRequestDto, @CurrentActing() acting: Acting, @Res({ passthrough: true }) response: ServerResponse) {
    const result = await this.handler.execute(body.receiptNumbers, acting);
    setETag(response, result.version);
    response.setHeader('Location', `/receipts/${result.receiptNumber}`);
    return { receiptNumber: result.receiptNumber, mergedFrom: body.receiptNumbers, version: result.version };
  }
}
