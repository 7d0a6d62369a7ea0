import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { IfMatchVersion, Roles, expectedVersionOf, setETag, type IfMatchExpectation } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../../common/http/caller';
import { ReasonRequestDto } from '../../../../common/http/reason.request.dto';
import { TraderBankAccountRequestDto } from '../apply-for-trading/apply-for-trading.request.dto';
import { DecideTraderCommandHandler } from '../decide-trader/decide-trader.command-handler';
import { TraderDecisionResponseDto } from '../decide-trader/decide-trader.response.dto';

/** What a trader asks about its own record: another bank settlement account, or the end of its qualification. If-Match is honoured when sent. */
@Controller('trading/traders/:partyId')
export class TraderRequestsHttpController {
  constructor(@Inject(DecideTraderCommandHandler) private readonly handler: DecideTraderCommandHandler) {}

  @Post('bank-account')
  @HttpCode(200)
  @Roles('depositor')
  @ApiOkResponse({ type: TraderDecisionResponseDto, description: 'the bank settlement account is the one given (第三十条); the same again changes nothing' })
  async bankAccount(
    @Param('partyId') partyId: string,
    @Body() body: TraderBankAccountRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<TraderDecisionResponseDto> {
    const { accountName, accountNumber, bank } = body;
    const result = await this.handler.execute(
      partyId,
      { type: 'ChangeTraderBankAccount', bankAccount: { accountName, accountNumber, bank } },
      caller,
      expectedVersionOf(expected),
    );
    setETag(response, result.version);
    return result;
  }

  @Post('closure-request')
  @HttpCode(200)
  @Roles('depositor')
  @ApiOkResponse({
    type: TraderDecisionResponseDto,
    description: 'asked: the exchange closes the qualification when it approves (第十四条); asking again changes nothing',
  })
  async closureRequest(
    @Param('partyId') partyId: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<TraderDecisionResponseDto> {
    const result = await this.handler.execute(partyId, { type: 'RequestTraderClosure', reason: body.reason }, caller, expectedVersionOf(expected));
    setETag(response, result.version);
    return result;
  }
}
