import { Decider, refuse, requireText, unhandledCommand } from '@dw/kernel';
import { PublishWorkflowVersion, WithdrawWorkflow, WorkflowCommand } from './workflow.commands';
import { WorkflowEvent, WorkflowVersionPublished, WorkflowWithdrawn } from './workflow.events';
import { WorkflowStep } from '@dw/work-orders';
import { validateWorkflowSteps } from './workflow-definition';
import { ANY, validateWorkflowKey, WorkflowKey, workflowIdOf } from './workflow-key';
import { PublishedWorkflow } from './workflow-selection';

/**
 * One stream per workflow key (`workflowIdOf(key)`). Versions only go up; every version stays
 * in the log, so an order that pinned version 3 can always be explained after version 4 exists.
 */
export interface WorkflowState {
  readonly status: 'none' | 'active' | 'withdrawn';
  readonly workflowId: string | null;
  readonly key: WorkflowKey | null;
  readonly version: number;
  readonly steps: readonly WorkflowStep[];
}

export const workflowDecider: Decider<WorkflowCommand, WorkflowState, WorkflowEvent> = {
  initialState: () => ({ status: 'none', workflowId: null, key: null, version: 0, steps: [] }),

  evolve(state, event) {
    switch (event.type) {
      case 'WorkflowVersionPublished':
        return {
          status: 'active',
          workflowId: event.data.workflowId,
          key: event.data.key,
          version: event.data.version,
          steps: event.data.steps,
        };
      case 'WorkflowWithdrawn':
        return { ...state, status: 'withdrawn' };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'PublishWorkflowVersion':
        return publishVersion(command, state);
      case 'WithdrawWorkflow':
        return withdraw(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};

/** The version a new order would pin, or null when the workflow is not (or no longer) active. */
export function activeVersionOf(state: WorkflowState): PublishedWorkflow | null {
  if (state.status !== 'active' || !state.workflowId || !state.key) return null;
  return { workflowId: state.workflowId, key: state.key, version: state.version, steps: state.steps };
}

function publishVersion(command: PublishWorkflowVersion, state: WorkflowState): [WorkflowVersionPublished] {
  // rule ORD-WORKFLOW-VERSIONS
  const key = validateWorkflowKey(command.data.key);
  const workflowId = workflowIdOf(key);
  const { actor, at } = command.data;
  const steps = validateWorkflowSteps(command.data.steps);
  // Publishing the same steps again would make a version that changes nothing.
  if (state.status === 'active' && JSON.stringify(steps) === JSON.stringify(state.steps)) {
    throw refuse.conflict('WORKFLOW_UNCHANGED', `version ${state.version} of ${workflowId} already has these steps`, {
      workflowId,
      version: state.version,
    });
  }
  return [{ type: 'WorkflowVersionPublished', data: { workflowId, key, version: state.version + 1, steps, actor, at } }];
}

function withdraw(command: WithdrawWorkflow, state: WorkflowState): [WorkflowWithdrawn] {
  // rule ORD-DEFAULT-WORKFLOW-KEPT
  const key = validateWorkflowKey(command.data.key);
  const workflowId = workflowIdOf(key);
  const { actor, at } = command.data;
  const reason = requireText(command.data.reason, 'reason');
  if (state.status !== 'active') {
    throw refuse.notFound('WORKFLOW_NOT_ACTIVE', `${workflowId} is not an active workflow`, { workflowId, status: state.status });
  }
  // The default for a type is the last fallback: without it new orders of the type could not open.
  if (key.commodity === ANY) {
    throw refuse.conflict('WORKFLOW_DEFAULT_REQUIRED', `${workflowId} is the default for ${key.orderType}; publish a new version instead`, {
      workflowId,
    });
  }
  return [{ type: 'WorkflowWithdrawn', data: { workflowId, version: state.version, reason, actor, at } }];
}
