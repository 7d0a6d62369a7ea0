import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { StockHoldResponseDto } from '../stock-hold.response.dto';
import { ReleaseHoldCommandHandler } from './release-hold.command-handler';

/**
 * Only a hold's holder releases it (anyone else is answered 404 `HOLD_NOT_FOUND`, as for a missing
 * hold). A person releases as its party (staff with no party as itself); a bank or the exchange
 * releases through the signed integration route below.
 */
@Controller('stock')
export class ReleaseHoldHttpController {
  constructor(private readonly handler: ReleaseHoldCommandHandler) {}

  @Post(':lotId/holds/:holdId/release')
  @HttpCode(200)
  @ApiOkResponse({ type: StockHoldResponseDto, description: 'released: the lot’s stock without the hold' })
  release(@Param('lotId') lotId: string, @Param('holdId') holdId: string, @CurrentCaller() caller: Caller) {
    return this.handler.execute(lotId, holdId, caller.principal.partyId ?? caller.principal.subject, caller);
  }
}

/** The release for banks and the exchange: HMAC-signed and idempotent; the holder is the signing client. */
@Controller('integration/stock')
@IntegrationApi()
export class IntegrationReleaseHoldHttpController {
  constructor(private readonly handler: ReleaseHoldCommandHandler) {}

  @Post(':lotId/holds/:holdId/release')
  @HttpCode(200)
  @Roles('bank', 'exchange')
  @Idempotent()
  @ApiOkResponse({ type: StockHoldResponseDto, description: 'released: the lot’s stock without the hold' })
  release(@Param('lotId') lotId: string, @Param('holdId') holdId: string, @CurrentCaller() client: Caller) {
    return this.handler.execute(lotId, holdId, client.principal.subject, client);
  }
}
