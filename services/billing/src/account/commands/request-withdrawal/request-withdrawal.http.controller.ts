import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { IdGenerator } from '@dw/kernel';
import { ID_GENERATOR, Roles, setETag, CurrentCaller, type Caller } from '@dw/platform';
import { AccountCommands } from '../account-commands';
import { withdrawalView } from '../withdrawal-view';
import { WithdrawalResponseDto } from '../withdrawal.response.dto';
import { RequestWithdrawalRequestDto } from './request-withdrawal.request.dto';

/** A depositor asks to withdraw from its own account (rule BILL-WITHDRAWAL-AVAILABLE); a manager then approves or rejects it. */
@Controller()
export class RequestWithdrawalHttpController {
  constructor(
    @Inject(AccountCommands) private readonly commands: AccountCommands,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post('accounts/:partyId/withdrawals')
  @HttpCode(201)
  @Roles('depositor')
  @ApiCreatedResponse({
    type: WithdrawalResponseDto,
    description: 'requested: the amount is reserved until a manager decides; the account’s stream version is the ETag',
  })
  async request(
    @Param('partyId') partyId: string,
    @Body() body: RequestWithdrawalRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WithdrawalResponseDto> {
    const withdrawalId = this.ids.next();
    const { state, version } = await this.commands.execute(partyId, caller, ['depositor'], (stamp) => ({
      type: 'RequestWithdrawal',
      data: {
        withdrawalId,
        amountFen: body.amountFen,
        payeeAccountName: body.payeeAccountName,
        payeeAccountNumber: body.payeeAccountNumber,
        payeeBank: body.payeeBank,
        ...stamp,
      },
    }));
    setETag(response, version);
    return withdrawalView(partyId, state, withdrawalId);
  }
}
