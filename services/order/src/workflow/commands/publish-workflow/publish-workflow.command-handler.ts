import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand, type HandledCommand } from '@dw/event-store';
import type { CommandContext } from '@dw/platform';
import { workflowDecider, type WorkflowState } from '../../domain/workflow.decider';
import type { PublishWorkflowVersion } from '../../domain/workflow.commands';
import { WORKFLOW_STREAM_TYPE, workflowStream } from '../../workflow.streams';

/** Publishes the next version of a workflow: chosen for orders opened from now on; orders already opened keep the version they pinned. */
@Injectable()
export class PublishWorkflowCommandHandler {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async execute(
    workflowId: string,
    workflow: Pick<PublishWorkflowVersion['data'], 'key' | 'steps'>,
    acting: CommandContext,
  ): Promise<HandledCommand<WorkflowState>> {
    return handleCommand(this.store, {
      streamId: workflowStream(workflowId),
      streamType: WORKFLOW_STREAM_TYPE,
      decider: workflowDecider,
      command: { type: 'PublishWorkflowVersion', data: { key: workflow.key, steps: workflow.steps, actor: acting.actor.subject, at: acting.at } },
      metadata: acting.metadata,
    });
  }
}
