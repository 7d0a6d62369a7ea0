import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { NotifyTradingDepositCommandHandler } from './notify-trading-deposit.command-handler';
import { NotifyTradingDepositRequestDto } from './notify-trading-deposit.request.dto';
import { TradingDepositResponseDto } from './notify-trading-deposit.response.dto';

/** A depository bank notifies traders' deposits through its signed integration API (第三十五条). */
@Controller('integration/bank')
@IntegrationApi()
@Roles('bank')
export class NotifyTradingDepositHttpController {
  constructor(@Inject(NotifyTradingDepositCommandHandler) private readonly handler: NotifyTradingDepositCommandHandler) {}

  @Post('trading-deposits')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TradingDepositResponseDto, description: 'booked to the trader’s trading account, or already booked (a repeat changes nothing)' })
  notify(@Body() body: NotifyTradingDepositRequestDto, @CurrentCaller() caller: Caller): Promise<TradingDepositResponseDto> {
    return this.handler.execute(body, caller);
  }
}
