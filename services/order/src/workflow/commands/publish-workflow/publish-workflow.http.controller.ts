import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { Clock } from '@dw/kernel';
import { CLOCK, CurrentCaller, Roles, type Caller, callerContextOf } from '@dw/platform';
import { validateWorkflowKey, workflowIdOf } from '../../domain/workflow-key';
import { PublishWorkflowCommandHandler } from './publish-workflow.command-handler';
import { PublishWorkflowRequestDto } from './publish-workflow.request.dto';
import { PublishWorkflowResponseDto } from './publish-workflow.response.dto';

/**
 * Managers publish workflows as data (业务流程标准化, rule ORD-WORKFLOW-VERSIONS). A new version is chosen for
 * orders opened from now on; orders already opened keep the version they pinned.
 */
@Controller('workflows')
export class PublishWorkflowHttpController {
  constructor(
    @Inject(PublishWorkflowCommandHandler) private readonly handler: PublishWorkflowCommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('manager')
  @ApiCreatedResponse({ type: PublishWorkflowResponseDto, description: 'published: the next version of the workflow' })
  async publish(@Body() body: PublishWorkflowRequestDto, @CurrentCaller() caller: Caller) {
    const workflowId = workflowIdOf(validateWorkflowKey(body.key));
    const handled = await this.handler.execute(workflowId, { key: body.key, steps: body.steps }, callerContextOf(caller, this.clock));
    return { workflowId, version: handled.state.version, steps: handled.state.steps };
  }
}
