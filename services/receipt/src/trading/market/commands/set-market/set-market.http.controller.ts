import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Idempotent, IntegrationApi, Roles, setETag } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../../common/http/caller';
import { ReasonRequestDto } from '../../../../common/http/reason.request.dto';
import { MarketResponseDto } from '../../queries/markets/markets.response.dto';
import { SetMarketCommandHandler, type MarketRequest } from './set-market.command-handler';
import { ChangeMarketPriceBandRequestDto, ChangeMarketSessionsRequestDto, SetMarketSettingsRequestDto } from './set-market.request.dto';

/** The exchange sets each commodity's market and takes the abnormal-situation measures (第六十六条, 第六十七条) through its signed API. */
@Controller('integration/exchange/markets/:commodity')
@IntegrationApi()
@Roles('exchange')
export class SetMarketHttpController {
  constructor(@Inject(SetMarketCommandHandler) private readonly handler: SetMarketCommandHandler) {}

  @Post('settings')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: MarketResponseDto, description: 'the market as it now stands (the same settings again change nothing)' })
  settings(
    @Param('commodity') commodity: string,
    @Body() body: SetMarketSettingsRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    const { tradable, tickFenPerTonne, sessions, referenceContract, maxUpBasisPoints, maxDownBasisPoints } = body;
    const request: MarketRequest = {
      type: 'SetMarketSettings',
      tradable,
      tickFenPerTonne,
      sessions: sessions.map(({ opens, closes }) => ({ opens, closes })),
      referenceContract,
      maxUpBasisPoints,
      maxDownBasisPoints,
    };
    return this.decide(commodity, request, caller, response);
  }

  @Post('sessions')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: MarketResponseDto, description: 'abnormal situation: the trading hours are the ones given' })
  sessions(
    @Param('commodity') commodity: string,
    @Body() body: ChangeMarketSessionsRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    const sessions = body.sessions.map(({ opens, closes }) => ({ opens, closes }));
    return this.decide(commodity, { type: 'ChangeMarketSessions', sessions, reason: body.reason }, caller, response);
  }

  @Post('price-band')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: MarketResponseDto, description: 'the band’s maximum rise and fall are the ones given' })
  priceBand(
    @Param('commodity') commodity: string,
    @Body() body: ChangeMarketPriceBandRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    const { maxUpBasisPoints, maxDownBasisPoints, reason } = body;
    return this.decide(commodity, { type: 'ChangeMarketPriceBand', maxUpBasisPoints, maxDownBasisPoints, reason }, caller, response);
  }

  @Post('suspend')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: MarketResponseDto, description: 'abnormal situation: trading in the commodity is suspended' })
  suspend(
    @Param('commodity') commodity: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.decide(commodity, { type: 'SuspendMarketTrading', reason: body.reason }, caller, response);
  }

  @Post('resume')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: MarketResponseDto, description: 'trading in the commodity resumes' })
  resume(
    @Param('commodity') commodity: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    return this.decide(commodity, { type: 'ResumeMarketTrading', reason: body.reason }, caller, response);
  }

  private async decide(commodity: string, request: MarketRequest, caller: Caller, response: ServerResponse): Promise<MarketResponseDto> {
    const market = await this.handler.execute(commodity, request, caller);
    setETag(response, market.version);
    return market;
  }
}
