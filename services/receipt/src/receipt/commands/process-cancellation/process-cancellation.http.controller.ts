import { Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { IfMatchVersion, Roles, setETag, type IfMatchExpectation, expectedVersionOf } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { ProcessCancellationCommandHandler } from './process-cancellation.command-handler';
import { ProcessCancellationResponseDto } from './process-cancellation.response.dto';

/** The warehouse processes the holder's pending application: the receipt is cancelled (注销). */
@Controller('receipts/:receiptNumber/cancellation-application')
export class ProcessCancellationHttpController {
  constructor(@Inject(ProcessCancellationCommandHandler) private readonly handler: ProcessCancellationCommandHandler) {}

  @Post('process')
  @HttpCode(200)
  @Roles('clerk', 'manager')
  @ApiOkResponse({ type: ProcessCancellationResponseDto, description: 'cancelled: the goods are now an outbound entitlement of the holder' })
  async process(
    @Param('receiptNumber') receiptNumber: string,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<ProcessCancellationResponseDto> {
    const result = await this.handler.execute(receiptNumber, caller, expectedVersionOf(expected));
    setETag(response, result.version);
    return { receiptNumber, status: 'cancelled', purpose: result.purpose, entitlementId: result.entitlementId, version: result.version };
  }
}
