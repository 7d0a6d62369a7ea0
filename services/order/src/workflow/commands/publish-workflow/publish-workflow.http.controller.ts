import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { EventStore, handleCommand } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, CurrentPrincipal, Roles, type Principal, actingAs } from '@dw/platform';
import { workflowDecider } from '../../domain/workflow.decider';
import { validateWorkflowKey, workflowIdOf } from '../../domain/workflow-key';
import { WORKFLOW_STREAM_TYPE, workflowStream } from '../../workflow.streams';
import { PublishWorkflowRequestDto } from './publish-workflow.request.dto';
import { PublishWorkflowResponseDto } from './publish-workflow.response.dto';

/**
 * Managers publish workflows as data (业务流程标准化, rule ORD-WORKFLOW-VERSIONS). A new version is chosen for
 * orders opened from now on; orders already opened keep the version they pinned.
 */
@Controller('workflows')
export class PublishWorkflowHttpController {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('manager')
  @ApiCreatedResponse({ type: PublishWorkflowResponseDto, description: 'published: the next version of the workflow' })
  async publish(@Body() body: PublishWorkflowRequestDto, @CurrentPrincipal() principal: Principal) {
    const workflowId = workflowIdOf(validateWorkflowKey(body.key));
    const { actor, at, metadata } = actingAs(principal, this.clock, `workflow-${workflowId}`);
    const handled = await handleCommand(this.store, {
      streamId: workflowStream(workflowId),
      streamType: WORKFLOW_STREAM_TYPE,
      decider: workflowDecider,
      command: { type: 'PublishWorkflowVersion', data: { key: body.key, steps: body.steps, actor, at } },
      metadata,
    });
    return { workflowId, version: handled.state.version, steps: handled.state.steps };
  }
}
