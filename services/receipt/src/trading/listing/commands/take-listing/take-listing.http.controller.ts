import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse } from '@nestjs/swagger';
import { Roles } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../../common/http/caller';
import { TakeListingCommandHandler } from './take-listing.command-handler';
import { TakeListingRequestDto } from './take-listing.request.dto';
import { TakeResponseDto } from './take-listing.response.dto';

/**
 * A buyer takes receipts of a listing. Accepted (202): the receipts are reserved and billing pays
 * the take from the buyer's trading account, or refuses it; GET /trading/takes/{takeId} follows it.
 */
@Controller('trading/listings/:listingId/takes')
export class TakeListingHttpController {
  constructor(@Inject(TakeListingCommandHandler) private readonly handler: TakeListingCommandHandler) {}

  @Post()
  @HttpCode(202)
  @Roles('depositor')
  @ApiAcceptedResponse({
    type: TakeResponseDto,
    description: 'reserved: the receipts are the buyer’s once billing pays (state settled), back on the listing if it refuses (released)',
  })
  async take(@Param('listingId') listingId: string, @Body() body: TakeListingRequestDto, @CurrentCaller() caller: Caller): Promise<TakeResponseDto> {
    const { take, commodity, tradingDay, sellerPartyId } = await this.handler.execute(listingId, body.count, caller);
    return {
      takeId: take.takeId,
      listingId,
      state: take.status,
      reasonCode: take.reasonCode,
      reason: take.reason,
      buyerPartyId: take.buyer.partyId,
      sellerPartyId,
      commodity,
      tradingDay,
      receipts: take.receipts.map((receipt) => ({ ...receipt })),
      weightKg: take.weightKg,
      priceFenPerTonne: take.priceFenPerTonne,
      proceedsFen: take.proceedsFen,
      reservedAt: take.reservedAt,
      resolvedAt: take.resolvedAt,
    };
  }
}
