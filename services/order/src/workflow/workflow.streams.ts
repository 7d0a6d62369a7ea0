/** Stream naming of the workflow aggregate: one stream per workflow key (its workflow id). */
export const WORKFLOW_STREAM_TYPE = 'workflow';
export const workflowStream = (workflowId: string): string => `workflow-${workflowId}`;
