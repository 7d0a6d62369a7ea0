import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Idempotent, IntegrationApi, Roles } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../../common/http/caller';
import { ReasonRequestDto } from '../../../../common/http/reason.request.dto';
import { ListingChangeResponseDto } from '../../listing.response.dto';
import { listingView } from '../../listing.view';
import { CancelListingCommandHandler } from './cancel-listing.command-handler';

/** The exchange, signed, cancels a listing (a prohibited practice, an abnormal situation). */
@Controller('integration/exchange/trading/listings/:listingId/cancel')
@IntegrationApi()
@Roles('exchange')
export class CancelListingHttpController {
  constructor(@Inject(CancelListingCommandHandler) private readonly handler: CancelListingCommandHandler) {}

  @Post()
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: ListingChangeResponseDto, description: 'cancelled: the unsold receipts are out of trading again' })
  async cancel(@Param('listingId') listingId: string, @Body() body: ReasonRequestDto, @CurrentCaller() caller: Caller): Promise<ListingChangeResponseDto> {
    const result = await this.handler.execute(listingId, body.reason, caller);
    return { ...listingView(result.state), version: result.version };
  }
}
