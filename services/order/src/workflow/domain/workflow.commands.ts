import { Command } from '@dw/kernel';
import { WorkflowStep } from '@dw/work-orders';
import { WorkflowKey } from './workflow-key';

/** Publishes the next version of the workflow for `key` (version 1 when it is new). */
export type PublishWorkflowVersion = Command<
  'PublishWorkflowVersion',
  { readonly key: WorkflowKey; readonly steps: readonly WorkflowStep[]; readonly actor: string; readonly at: string }
>;

/** Stops a specific workflow being chosen for new orders, so they fall back to a broader one. */
export type WithdrawWorkflow = Command<'WithdrawWorkflow', { readonly key: WorkflowKey; readonly reason: string; readonly actor: string; readonly at: string }>;

export type WorkflowCommand = PublishWorkflowVersion | WithdrawWorkflow;
