import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { type Clock, shanghaiDateOf } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import { tradingAccountView } from '../../queries/trading-account/trading-account.http.controller';
import { TradingAccountResponseDto } from '../../queries/trading-account/trading-account.response.dto';
import { TradingAccountCommands } from '../trading-account-commands';
import { FreezeWithdrawalsRequestDto } from './freeze-withdrawals.request.dto';

/** The exchange freezes a trader's withdrawals and lifts the freeze (第三十七条, 第六十七条) through its signed integration API. */
@Controller('integration/exchange')
@IntegrationApi()
@Roles('exchange')
export class FreezeWithdrawalsHttpController {
  constructor(
    @Inject(TradingAccountCommands) private readonly commands: TradingAccountCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('trading-accounts/:partyId/withdrawal-freeze')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TradingAccountResponseDto, description: 'frozen (again: answers the same)' })
  async freeze(
    @Param('partyId') partyId: string,
    @Body() body: FreezeWithdrawalsRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TradingAccountResponseDto> {
    const { state } = await this.commands.execute(partyId, caller, ['exchange'], (context) => ({
      type: 'FreezeWithdrawals',
      data: { reason: body.reason, ...context },
    }));
    return tradingAccountView(partyId, state, shanghaiDateOf(this.clock.now()));
  }

  @Post('trading-accounts/:partyId/withdrawal-unfreeze')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TradingAccountResponseDto, description: 'no longer frozen (again: answers the same)' })
  async unfreeze(
    @Param('partyId') partyId: string,
    @Body() body: FreezeWithdrawalsRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TradingAccountResponseDto> {
    const { state } = await this.commands.execute(partyId, caller, ['exchange'], (context) => ({
      type: 'UnfreezeWithdrawals',
      data: { reason: body.reason, ...context },
    }));
    return tradingAccountView(partyId, state, shanghaiDateOf(this.clock.now()));
  }
}
