import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Clock } from '@dw/kernel';
import { CLOCK, CurrentCaller, Roles, type Caller, callerContextOf } from '@dw/platform';
import { validateWorkflowKey, workflowIdOf } from '../../domain/workflow-key';
import { WithdrawWorkflowCommandHandler } from './withdraw-workflow.command-handler';
import { WithdrawWorkflowRequestDto } from './withdraw-workflow.request.dto';
import { WithdrawWorkflowResponseDto } from './withdraw-workflow.response.dto';

/** Withdraws a specific workflow: new orders fall back to the broader one; opened orders keep theirs. */
@Controller('workflows')
export class WithdrawWorkflowHttpController {
  constructor(
    @Inject(WithdrawWorkflowCommandHandler) private readonly handler: WithdrawWorkflowCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('withdrawals')
  @HttpCode(200)
  @Roles('manager')
  @ApiOkResponse({ type: WithdrawWorkflowResponseDto, description: 'withdrawn: new orders fall back to the broader workflow' })
  async withdraw(@Body() body: WithdrawWorkflowRequestDto, @CurrentCaller() caller: Caller) {
    const workflowId = workflowIdOf(validateWorkflowKey(body.key));
    const handled = await this.handler.execute(workflowId, { key: body.key, reason: body.reason }, callerContextOf(caller, this.clock));
    return { workflowId, version: handled.state.version, status: handled.state.status };
  }
}
