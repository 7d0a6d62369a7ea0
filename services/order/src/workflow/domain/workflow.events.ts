import { DomainEvent } from '@dw/kernel';
import { WorkflowStep } from '@dw/work-orders';
import { WorkflowKey } from './workflow-key';

export type WorkflowVersionPublished = DomainEvent<
  'WorkflowVersionPublished',
  {
    readonly workflowId: string;
    readonly key: WorkflowKey;
    readonly version: number;
    readonly steps: readonly WorkflowStep[];
    readonly actor: string;
    readonly at: string;
  }
>;

export type WorkflowWithdrawn = DomainEvent<
  'WorkflowWithdrawn',
  { readonly workflowId: string; readonly version: number; readonly reason: string; readonly actor: string; readonly at: string }
>;

export type WorkflowEvent = WorkflowVersionPublished | WorkflowWithdrawn;
