import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Idempotent, IntegrationApi, Roles } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../common/http/caller';
import { ReasonRequestDto } from '../../../common/http/reason.request.dto';
import { ReleaseHoldCommandHandler } from './release-hold.command-handler';
import { ReleaseHoldResponseDto } from './release-hold.response.dto';

/** Every beneficiary (bank, exchange, court) is an integration client: release is a signed, idempotent call. */
@Controller('integration/receipts/:receiptNumber/holds/:holdId')
@IntegrationApi()
@Roles('exchange', 'bank', 'court')
export class ReleaseHoldHttpController {
  constructor(@Inject(ReleaseHoldCommandHandler) private readonly handler: ReleaseHoldCommandHandler) {}

  @Post('release')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: ReleaseHoldResponseDto, description: 'released: the hold is lifted' })
  async release(
    @Param('receiptNumber') receiptNumber: string,
    @Param('holdId') holdId: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ReleaseHoldResponseDto> {
    const result = await this.handler.execute(receiptNumber, holdId, body.reason, caller);
    return { receiptNumber, holdId, released: true, ...result };
  }
}
