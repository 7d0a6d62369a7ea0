import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Roles, setETag } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../../common/http/caller';
import { ReasonRequestDto } from '../../../../common/http/reason.request.dto';
import { ListingChangeResponseDto } from '../../listing.response.dto';
import { listingView } from '../../listing.view';
import { WithdrawListingCommandHandler } from './withdraw-listing.command-handler';

/** The seller withdraws its open listing (another party’s answers 404 LISTING_NOT_FOUND; a closed one 409 TRADE_LISTING_CLOSED). */
@Controller('trading/listings/:listingId/withdraw')
export class WithdrawListingHttpController {
  constructor(@Inject(WithdrawListingCommandHandler) private readonly handler: WithdrawListingCommandHandler) {}

  @Post()
  @HttpCode(200)
  @Roles('depositor')
  @ApiOkResponse({ type: ListingChangeResponseDto, description: 'withdrawn: the unsold receipts are out of trading again' })
  async withdraw(
    @Param('listingId') listingId: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<ListingChangeResponseDto> {
    const result = await this.handler.execute(listingId, body.reason, caller);
    setETag(response, result.version);
    return { ...listingView(result.state), version: result.version };
  }
}
