import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { type Clock, shanghaiDateOf } from '@dw/kernel';
import { CLOCK, CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { tradingAccountView } from '../../queries/trading-account/trading-account.http.controller';
import { TradingAccountResponseDto } from '../../queries/trading-account/trading-account.response.dto';
import { TradingAccountCommands } from '../trading-account-commands';
import { RecordCollectedFeeRequestDto } from './record-collected-fee.request.dto';

/**
 * The exchange records a storage, transfer or other fee it collects from a trader (第四十一条,
 * 第五十三条): payable that day (it lowers what is withdrawable, 第三十六条) and deducted by the
 * day's settlement (第三十三条).
 */
@Controller('integration/exchange')
@IntegrationApi()
@Roles('exchange')
export class RecordCollectedFeeHttpController {
  constructor(
    @Inject(TradingAccountCommands) private readonly commands: TradingAccountCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('trading-accounts/:partyId/collected-fees')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TradingAccountResponseDto, description: 'recorded as payable (the same fee again answers the same)' })
  async record(
    @Param('partyId') partyId: string,
    @Body() body: RecordCollectedFeeRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TradingAccountResponseDto> {
    const { state } = await this.commands.execute(partyId, caller, ['exchange'], (context) => ({ type: 'RecordCollectedFee', data: { ...body, ...context } }));
    return tradingAccountView(partyId, state, shanghaiDateOf(this.clock.now()));
  }
}
