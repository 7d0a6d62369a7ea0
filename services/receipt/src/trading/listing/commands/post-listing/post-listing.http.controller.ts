import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Roles, setETag } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../../common/http/caller';
import { ListingChangeResponseDto } from '../../listing.response.dto';
import { listingView } from '../../listing.view';
import { PostListingCommandHandler } from './post-listing.command-handler';
import { PostListingRequestDto } from './post-listing.request.dto';

/**
 * A trader lists receipts of its own trading account. Refusals: not an approved trader
 * permitted the commodity (403), market closed (409), a receipt not eligible (404/409, naming
 * it), terms or quote invalid (422), a receipt changed meanwhile (409).
 */
@Controller('trading/listings')
export class PostListingHttpController {
  constructor(@Inject(PostListingCommandHandler) private readonly handler: PostListingCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('depositor')
  @ApiCreatedResponse({ type: ListingChangeResponseDto, description: 'listed: the receipts are held for the listing until it closes or a take buys them' })
  async post(
    @Body() body: PostListingRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<ListingChangeResponseDto> {
    const result = await this.handler.execute(body, caller);
    setETag(response, result.version);
    return { ...listingView(result.state), version: result.version };
  }
}
