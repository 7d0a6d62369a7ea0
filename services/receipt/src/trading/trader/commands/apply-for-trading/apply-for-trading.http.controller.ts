import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Roles, setETag } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../../common/http/caller';
import { DecideTraderCommandHandler } from '../decide-trader/decide-trader.command-handler';
import { TraderDecisionResponseDto } from '../decide-trader/decide-trader.response.dto';
import { ApplyForTradingRequestDto } from './apply-for-trading.request.dto';

/** A depositor applies to trade receipts on the platform (标准仓单交易管理办法 第六条至第十条); the exchange decides. */
@Controller('trading/traders')
export class ApplyForTradingHttpController {
  constructor(@Inject(DecideTraderCommandHandler) private readonly handler: DecideTraderCommandHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('depositor')
  @ApiCreatedResponse({ type: TraderDecisionResponseDto, description: 'applied: the exchange approves or rejects it' })
  async apply(
    @Body() body: ApplyForTradingRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<TraderDecisionResponseDto> {
    const { storageCard, name, commodities, bankAccount } = body;
    const partyId = caller.principal.partyId ?? '';
    const result = await this.handler.execute(partyId, { type: 'ApplyForTrading', storageCard, name, commodities, bankAccount }, caller);
    setETag(response, result.version);
    response.setHeader('Location', `/trading/traders/${encodeURIComponent(result.partyId)}`);
    return result;
  }
}
