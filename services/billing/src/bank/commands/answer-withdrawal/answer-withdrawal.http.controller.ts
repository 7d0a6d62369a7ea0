import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Idempotent, IntegrationApi, Roles, CurrentCaller, type Caller } from '@dw/platform';
import { AnswerWithdrawalCommandHandler } from './answer-withdrawal.command-handler';
import { ConfirmWithdrawalRequestDto, RefuseWithdrawalRequestDto } from './answer-withdrawal.request.dto';
import { WithdrawalAnswerResponseDto } from './answer-withdrawal.response.dto';

/** A bank answers a withdrawal we sent it, through its signed integration API. */
@Controller('integration/bank/withdrawals/:withdrawalId')
@IntegrationApi()
@Roles('bank')
export class AnswerWithdrawalHttpController {
  constructor(@Inject(AnswerWithdrawalCommandHandler) private readonly handler: AnswerWithdrawalCommandHandler) {}

  @Post('confirmation')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({
    type: WithdrawalAnswerResponseDto,
    description: 'paid out: BankWithdrawalConfirmed on billing.bank.v1; the same answer again changes nothing',
  })
  confirm(
    @Param('withdrawalId') withdrawalId: string,
    @Body() body: ConfirmWithdrawalRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WithdrawalAnswerResponseDto> {
    return this.handler.execute(withdrawalId, { type: 'ConfirmWithdrawal', ...body }, caller);
  }

  @Post('refusal')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: WithdrawalAnswerResponseDto, description: 'refused: BankWithdrawalRefused on billing.bank.v1; the same answer again changes nothing' })
  refuse(
    @Param('withdrawalId') withdrawalId: string,
    @Body() body: RefuseWithdrawalRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WithdrawalAnswerResponseDto> {
    return this.handler.execute(withdrawalId, { type: 'RefuseWithdrawal', ...body }, caller);
  }
}
