import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { expectedVersionOf, IfMatchVersion, Roles, setETag, type IfMatchExpectation, CurrentCaller, type Caller } from '@dw/platform';
import { AccountCommands } from '../account-commands';
import { withdrawalView } from '../withdrawal-view';
import { WithdrawalResponseDto } from '../withdrawal.response.dto';
import { RejectWithdrawalRequestDto } from './reject-withdrawal.request.dto';

/** A manager decides a depositor's withdrawal request: approved, it goes to the bank; rejected, its amount is free again. */
@Controller()
@Roles('manager')
export class DecideWithdrawalHttpController {
  constructor(@Inject(AccountCommands) private readonly commands: AccountCommands) {}

  @Post('accounts/:partyId/withdrawals/:withdrawalId/approval')
  @HttpCode(200)
  @ApiOkResponse({
    type: WithdrawalResponseDto,
    description: 'approved: the money is in transit and WithdrawalApproved goes to the bank integration; the account’s stream version is the ETag',
  })
  async approve(
    @Param('partyId') partyId: string,
    @Param('withdrawalId') withdrawalId: string,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WithdrawalResponseDto> {
    const { state, version } = await this.commands.execute(
      partyId,
      caller,
      ['manager'],
      (stamp) => ({ type: 'ApproveWithdrawal', data: { withdrawalId, ...stamp } }),
      expectedVersionOf(expected),
    );
    setETag(response, version);
    return withdrawalView(partyId, state, withdrawalId);
  }

  @Post('accounts/:partyId/withdrawals/:withdrawalId/rejection')
  @HttpCode(200)
  @ApiOkResponse({ type: WithdrawalResponseDto, description: 'rejected: the amount reserved is available again; the account’s stream version is the ETag' })
  async reject(
    @Param('partyId') partyId: string,
    @Param('withdrawalId') withdrawalId: string,
    @Body() body: RejectWithdrawalRequestDto,
    @CurrentCaller() caller: Caller,
    @IfMatchVersion() expected: IfMatchExpectation | undefined,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WithdrawalResponseDto> {
    const { state, version } = await this.commands.execute(
      partyId,
      caller,
      ['manager'],
      (stamp) => ({ type: 'RejectWithdrawal', data: { withdrawalId, reason: body.reason, ...stamp } }),
      expectedVersionOf(expected),
    );
    setETag(response, version);
    return withdrawalView(partyId, state, withdrawalId);
  }
}
