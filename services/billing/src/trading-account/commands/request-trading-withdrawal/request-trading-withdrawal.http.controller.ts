import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { IdGenerator } from '@dw/kernel';
import { CurrentCaller, ID_GENERATOR, Roles, setETag, type Caller } from '@dw/platform';
import { TradingAccountCommands } from '../trading-account-commands';
import { RequestTradingWithdrawalRequestDto } from './request-trading-withdrawal.request.dto';
import { TradingWithdrawalResponseDto, tradingWithdrawalView } from './trading-withdrawal.response.dto';

/** A trader withdraws from its own trading account during a trading day's session (第三十五条–第三十七条). */
@Controller()
export class RequestTradingWithdrawalHttpController {
  constructor(
    @Inject(TradingAccountCommands) private readonly commands: TradingAccountCommands,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post('trading-accounts/:partyId/withdrawals')
  @HttpCode(201)
  @Roles('depositor')
  @ApiCreatedResponse({
    type: TradingWithdrawalResponseDto,
    description: 'approved: out of the balance, to be paid to the bank settlement account on record; the account’s version is the ETag',
  })
  async request(
    @Param('partyId') partyId: string,
    @Body() body: RequestTradingWithdrawalRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<TradingWithdrawalResponseDto> {
    const withdrawalId = `TW-${this.ids.next()}`;
    const { state, version } = await this.commands.execute(partyId, caller, ['depositor'], (context) => ({
      type: 'RequestTradingWithdrawal',
      data: { withdrawalId, amountFen: body.amountFen, ...context },
    }));
    setETag(response, version);
    return tradingWithdrawalView(partyId, state, withdrawalId);
  }
}
