import { loadAggregate, type EventStoreTransaction } from '@dw/event-store';
import { activeVersionOf, workflowDecider } from './domain/workflow.decider';
import { workflowIdOf } from './domain/workflow-key';
import { candidateKeys, selectWorkflow, type PublishedWorkflow, type WorkflowRequest } from './domain/workflow-selection';
import { workflowStream } from './workflow.streams';

/**
 * Chooses the workflow a new order pins, reading the (at most three) candidate workflow streams
 * inside the caller's transaction: the choice is made on the log itself, never on a read model
 * that may lag behind a version published a moment ago.
 */
export async function workflowFor(tx: EventStoreTransaction, request: WorkflowRequest): Promise<PublishedWorkflow> {
  const active: PublishedWorkflow[] = [];
  for (const key of candidateKeys(request)) {
    const loaded = await loadAggregate(tx, workflowStream(workflowIdOf(key)), workflowDecider);
    const version = activeVersionOf(loaded.state);
    if (version) active.push(version);
  }
  return selectWorkflow(active, request);
}
