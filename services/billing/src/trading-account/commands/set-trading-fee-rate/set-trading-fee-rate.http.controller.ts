import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EventStore, handleCommand } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { BusinessCalendars, callerContextOf, CLOCK, CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { tradingFeeRatesDecider } from '../../domain/trading-fee-rates.decider';
import { tradingStreams } from '../../trading-streams';
import { SetTradingFeeRateRequestDto } from './set-trading-fee-rate.request.dto';
import { TradingFeeRateResponseDto } from './set-trading-fee-rate.response.dto';

/** The exchange sets a commodity's trading fee through its signed integration API (第四十条: 由交易所另行规定). */
@Controller('integration/exchange')
@IntegrationApi()
@Roles('exchange')
export class SetTradingFeeRateHttpController {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
  ) {}

  @Post('trading-fee-rates')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TradingFeeRateResponseDto, description: 'recorded, in force from effectiveFrom (the same version again answers the same)' })
  async set(@Body() body: SetTradingFeeRateRequestDto, @CurrentCaller() caller: Caller): Promise<TradingFeeRateResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['exchange']);
    const handled = await handleCommand(this.store, {
      ...tradingStreams.feeRates(body.commodity),
      decider: tradingFeeRatesDecider,
      command: { type: 'SetTradingFeeRate', data: { ...body, actor, calendar: this.calendars.current(), at } },
      metadata,
    });
    const { commodity, fenPerTonnePerSide, effectiveFrom } = handled.state.versions.at(-1)!;
    return { commodity, fenPerTonnePerSide, effectiveFrom };
  }
}
