import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { SettleTradingDayCommandHandler } from './settle-trading-day.command-handler';
import { SettleTradingDayRequestDto } from './settle-trading-day.request.dto';
import { TradingDaySettledResponseDto } from './settle-trading-day.response.dto';

/** The exchange settles a trading day after its close through its signed integration API (第三十三条, 第三十八条). */
@Controller('integration/exchange')
@IntegrationApi()
@Roles('exchange')
export class SettleTradingDayHttpController {
  constructor(@Inject(SettleTradingDayCommandHandler) private readonly handler: SettleTradingDayCommandHandler) {}

  @Post('trading-settlements')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TradingDaySettledResponseDto, description: 'every trading account’s report of the day issued (again: issues nothing twice)' })
  settle(@Body() body: SettleTradingDayRequestDto, @CurrentCaller() caller: Caller): Promise<TradingDaySettledResponseDto> {
    return this.handler.execute(body.tradingDay, caller);
  }
}
