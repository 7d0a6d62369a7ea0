import type { Projection } from '@dw/projections';
import type { WorkflowEvent } from '../domain/workflow.events';

/**
 * Every published version of every workflow, with its standing: active (chosen for new orders),
 * superseded (a later version exists) or withdrawn. Served by GET /workflows.
 */
export const workflowVersionsProjection: Projection<'workflow_versions', WorkflowEvent> = {
  name: 'workflow_versions',
  tables: {
    workflow_versions: (t) => `CREATE TABLE ${t} (
      workflow_id text NOT NULL,
      version int NOT NULL,
      order_type text NOT NULL,
      commodity text NOT NULL,
      arrival_mode text NOT NULL,
      steps jsonb NOT NULL,
      status text NOT NULL,
      published_by text NOT NULL,
      published_at timestamptz NOT NULL,
      withdrawn_reason text,
      PRIMARY KEY (workflow_id, version))`,
  },
  eventTypes: ['WorkflowVersionPublished', 'WorkflowWithdrawn'],
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const event = recorded;
      if (event.type === 'WorkflowVersionPublished') {
        const { workflowId, key, version, steps, actor, at } = event.data;
        await tx.query(`UPDATE ${tables.workflow_versions} SET status = 'superseded' WHERE workflow_id = $1 AND status = 'active'`, [workflowId]);
        await tx.query(
          `INSERT INTO ${tables.workflow_versions} (workflow_id, version, order_type, commodity, arrival_mode, steps, status, published_by, published_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8)`,
          [workflowId, version, key.orderType, key.commodity, key.arrivalMode, JSON.stringify(steps), actor, at],
        );
      } else {
        await tx.query(`UPDATE ${tables.workflow_versions} SET status = 'withdrawn', withdrawn_reason = $3 WHERE workflow_id = $1 AND version = $2`, [
          event.data.workflowId,
          event.data.version,
          event.data.reason,
        ]);
      }
    }
  },
};
