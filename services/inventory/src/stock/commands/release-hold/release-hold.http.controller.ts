import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Idempotent, IntegrationApi, Roles, type Principal } from '@dw/platform';
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
  release(@Param('lotId') lotId: string, @Param('holdId') holdId: string, @CurrentPrincipal() principal: Principal) {
    return this.handler.execute(lotId, holdId, principal.partyId ?? principal.subject, principal);
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
  release(@Param('lotId') lotId: string, @Param('holdId') holdId: string, @CurrentPrincipal() client: Principal) {
    return this.handler.execute(lotId, holdId, client.subject, client);
  }
}
