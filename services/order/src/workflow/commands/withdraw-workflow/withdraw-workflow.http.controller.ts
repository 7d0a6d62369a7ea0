import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EventStore, handleCommand } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, CurrentPrincipal, Roles, type Principal, actingAs } from '@dw/platform';
import { workflowDecider } from '../../domain/workflow.decider';
import { validateWorkflowKey, workflowIdOf } from '../../domain/workflow-key';
import { WORKFLOW_STREAM_TYPE, workflowStream } from '../../workflow.streams';
import { WithdrawWorkflowRequestDto } from './withdraw-workflow.request.dto';
import { WithdrawWorkflowResponseDto } from './withdraw-workflow.response.dto';

/** Withdraws a specific workflow: new orders fall back to the broader one; opened orders keep theirs. */
@Controller('workflows')
export class WithdrawWorkflowHttpController {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('withdrawals')
  @HttpCode(200)
  @Roles('manager')
  @ApiOkResponse({ type: WithdrawWorkflowResponseDto, description: 'withdrawn: new orders fall back to the broader workflow' })
  async withdraw(@Body() body: WithdrawWorkflowRequestDto, @CurrentPrincipal() principal: Principal) {
    const workflowId = workflowIdOf(validateWorkflowKey(body.key));
    const { actor, at, metadata } = actingAs(principal, this.clock, `workflow-${workflowId}`);
    const handled = await handleCommand(this.store, {
      streamId: workflowStream(workflowId),
      streamType: WORKFLOW_STREAM_TYPE,
      decider: workflowDecider,
      command: { type: 'WithdrawWorkflow', data: { key: body.key, reason: body.reason, actor, at } },
      metadata,
    });
    return { workflowId, version: handled.state.version, status: handled.state.status };
  }
}
