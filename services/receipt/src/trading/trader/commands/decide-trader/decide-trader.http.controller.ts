import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Idempotent, IntegrationApi, Roles, setETag } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../../common/http/caller';
import { ReasonRequestDto } from '../../../../common/http/reason.request.dto';
import { DecideTraderCommandHandler, type TraderRequest } from './decide-trader.command-handler';
import { ChangeTraderPermissionsRequestDto, CloseTraderRequestDto } from './decide-trader.request.dto';
import { TraderDecisionResponseDto } from './decide-trader.response.dto';

/** The exchange manages traders through its signed integration API (HMAC, timestamp, nonce, Idempotency-Key). */
@Controller('integration/exchange/traders/:partyId')
@IntegrationApi()
@Roles('exchange')
export class ExchangeTraderHttpController {
  constructor(@Inject(DecideTraderCommandHandler) private readonly handler: DecideTraderCommandHandler) {}

  @Post('approve')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TraderDecisionResponseDto, description: 'approved: the trader may trade its permitted commodities' })
  approve(@Param('partyId') partyId: string, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) response: ServerResponse) {
    return this.decide(partyId, { type: 'ApproveTrader' }, caller, response);
  }

  @Post('reject')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TraderDecisionResponseDto, description: 'rejected: the party may apply again' })
  reject(
    @Param('partyId') partyId: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.decide(partyId, { type: 'RejectTrader', reason: body.reason }, caller, response);
  }

  @Post('permissions')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({
    type: TraderDecisionResponseDto,
    description: 'the commodities the trader may trade are the ones given (the same list again changes nothing)',
  })
  permissions(
    @Param('partyId') partyId: string,
    @Body() body: ChangeTraderPermissionsRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.decide(partyId, { type: 'ChangeTraderPermissions', commodities: body.commodities }, caller, response);
  }

  @Post('suspend')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TraderDecisionResponseDto, description: 'suspended: it neither lists nor takes until reinstated' })
  suspend(
    @Param('partyId') partyId: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.decide(partyId, { type: 'SuspendTrader', reason: body.reason }, caller, response);
  }

  @Post('reinstate')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TraderDecisionResponseDto, description: 'reinstated: approved again' })
  reinstate(@Param('partyId') partyId: string, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) response: ServerResponse) {
    return this.decide(partyId, { type: 'ReinstateTrader' }, caller, response);
  }

  @Post('close')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TraderDecisionResponseDto, description: 'closed: the qualification is cancelled for good (the party may apply anew)' })
  close(
    @Param('partyId') partyId: string,
    @Body() body: CloseTraderRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.decide(partyId, { type: 'CloseTrader', reason: body.reason, basis: body.basis }, caller, response);
  }

  private async decide(partyId: string, request: TraderRequest, caller: Caller, response: ServerResponse): Promise<TraderDecisionResponseDto> {
    const result = await this.handler.execute(partyId, request, caller);
    setETag(response, result.version);
    return result;
  }
}
