import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Idempotent, IntegrationApi, Roles, type Principal } from '@dw/platform';
import { StockCommandHandler } from '../../stock.command-handler';
import { PlaceHoldRequestDto } from './holds.request.dto';
import { StockHoldResponseDto } from './holds.response.dto';

/**
 * Holds on a lot's stock: staff place them for a holder with a reason; only the holder releases
 * one (anyone else is answered 404 `HOLD_NOT_FOUND`, as for a missing hold). A person releases as its party (staff with no party as
 * itself); a bank or the exchange releases through the signed integration route below.
 */
@Controller('stock')
export class HoldsHttpController {
  constructor(private readonly stock: StockCommandHandler) {}

  @Post(':lotId/holds')
  @HttpCode(201)
  @Roles('clerk', 'manager')
  @ApiCreatedResponse({ type: StockHoldResponseDto, description: 'held: the lot’s stock with the hold counted' })
  place(@Param('lotId') lotId: string, @Body() body: PlaceHoldRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.stock.placeHold(
      lotId,
      { holdId: body.holdId, kind: body.kind, quantity: { pieces: body.pieces, kg: body.kg }, reason: body.reason, holder: body.holder },
      principal,
    );
  }

  @Post(':lotId/holds/:holdId/release')
  @HttpCode(200)
  @ApiOkResponse({ type: StockHoldResponseDto, description: 'released: the lot’s stock without the hold' })
  release(@Param('lotId') lotId: string, @Param('holdId') holdId: string, @CurrentPrincipal() principal: Principal) {
    return this.stock.releaseHold(lotId, holdId, principal.partyId ?? principal.subject, principal);
  }
}

/** The release for banks and the exchange: HMAC-signed and idempotent; the holder is the signing client. */
@Controller('integration/stock')
@IntegrationApi()
export class IntegrationHoldsHttpController {
  constructor(private readonly stock: StockCommandHandler) {}

  @Post(':lotId/holds/:holdId/release')
  @HttpCode(200)
  @Roles('bank', 'exchange')
  @Idempotent()
  @ApiOkResponse({ type: StockHoldResponseDto, description: 'released: the lot’s stock without the hold' })
  release(@Param('lotId') lotId: string, @Param('holdId') holdId: string, @CurrentPrincipal() client: Principal) {
    return this.stock.releaseHold(lotId, holdId, client.subject, client);
  }
}
