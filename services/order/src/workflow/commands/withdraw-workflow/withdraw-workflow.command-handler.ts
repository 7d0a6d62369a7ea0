import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand, type HandledCommand } from '@dw/event-store';
import type { CommandContext } from '@dw/platform';
import type { WithdrawWorkflow } from '../../domain/workflow.commands';
import { workflowDecider, type WorkflowState } from '../../domain/workflow.decider';
import { WORKFLOW_STREAM_TYPE, workflowStream } from '../../workflow.streams';

/** Withdraws a specific workflow: new orders fall back to the broader one; opened orders keep theirs. */
@Injectable()
export class WithdrawWorkflowCommandHandler {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async execute(
    workflowId: string,
    withdrawal: Pick<WithdrawWorkflow['data'], 'key' | 'reason'>,
    acting: CommandContext,
  ): Promise<HandledCommand<WorkflowState>> {
    return handleCommand(this.store, {
      streamId: workflowStream(workflowId),
      streamType: WORKFLOW_STREAM_TYPE,
      decider: workflowDecider,
      command: { type: 'WithdrawWorkflow', data: { key: withdrawal.key, reason: withdrawal.reason, actor: acting.actor.subject, at: acting.at } },
      metadata: acting.metadata,
    });
  }
}
