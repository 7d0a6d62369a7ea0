import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { IfMatchVersion, Roles, setETag, type IfMatchExpectation, expectedVersionOf } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { ResolveShortfallCommandHandler } from './resolve-shortfall.command-handler';
import { ResolveShortfallRequestDto } from './resolve-shortfall.request.dto';
import { ResolveShortfallResponseDto } from './resolve-shortfall.response.dto';

/** The warehouse's manager records how the warehouse answered for goods a stocktake found missing behind the receipt. */
@Controller('receipts/:receiptNumber/shortfalls/:varianceId')
export class ResolveShortfallHttpController {
  constructor(@Inject(ResolveShortfallCommandHandler) private readonly handler: ResolveShortfallCommandHandler) {}

  @Post('resolution')
  @HttpCode(200)
  @Roles('manager')
  @ApiOkResponse({ type: ResolveShortfallResponseDto, description: 'resolved: with no shortfall left open the receipt may move again' })
  async resolve(
    @Param('receiptNumber') receiptNumber: string,
    @Param('varianceId') varianceId: string,
    @Body() body: ResolveShortfallRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<ResolveShortfallResponseDto> {
    const { outcome, reference, reason } = body;
    const result = await this.handler.execute(receiptNumber, varianceId, { outcome, reference, reason }, caller, expectedVersionOf(expected));
    setETag(response, result.version);
    return { receiptNumber, varianceId, outcome, ...result };
  }
}
