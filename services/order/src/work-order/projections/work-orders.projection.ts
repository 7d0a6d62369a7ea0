import type { Projection } from '@dw/projections';
import type { WorkOrderEvent } from '../domain/work-order.events';

/**
 * Work orders for the lists (one row per order) and every step recorded under them (the
 * history: which step, by whom, when, with which evidence). Single orders are read from their
 * stream; this read model serves the filtered, paginated lists.
 */
export const workOrdersProjection: Projection<'work_orders' | 'work_order_steps', WorkOrderEvent> = {
  name: 'work_orders',
  tables: {
    work_orders: (t) => `CREATE TABLE ${t} (
      order_id text PRIMARY KEY,
      position bigint NOT NULL UNIQUE,
      type text NOT NULL,
      status text NOT NULL,
      warehouse text NOT NULL,
      owner text NOT NULL,
      owner_party text NOT NULL,
      commodity text NOT NULL,
      arrival_mode text,
      expected_pieces int,
      expected_kg bigint,
      entitlement_id text,
      workflow_id text,
      workflow_version int,
      steps_recorded int NOT NULL DEFAULT 0,
      cancel_reason text,
      drafted_by text NOT NULL,
      drafted_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL)`,
    work_order_steps: (t) => `CREATE TABLE ${t} (
      order_id text NOT NULL,
      sequence int NOT NULL,
      step text NOT NULL,
      name text NOT NULL,
      evidence jsonb,
      moves_goods boolean NOT NULL,
      actor text NOT NULL,
      actor_role text NOT NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (order_id, sequence))`,
  },
  eventTypes: ['WorkOrderDrafted', 'WorkOrderOpened', 'WorkOrderStepRecorded', 'WorkOrderCompleted', 'WorkOrderCancelled'],
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const event = recorded;
      switch (event.type) {
        case 'WorkOrderDrafted': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${tables.work_orders} (order_id, position, type, status, warehouse, owner, owner_party, commodity, arrival_mode,
               expected_pieces, expected_kg, entitlement_id, drafted_by, drafted_at, updated_at)
             VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
            [
              d.orderId,
              recorded.globalPosition,
              d.type,
              d.warehouse,
              d.owner,
              d.ownerParty,
              d.commodity,
              d.arrivalMode,
              d.notice?.expectedPieces ?? null,
              d.notice?.expectedKg ?? null,
              d.entitlement?.entitlementId ?? null,
              d.actor,
              d.at,
            ],
          );
          break;
        }
        case 'WorkOrderOpened':
          await tx.query(`UPDATE ${tables.work_orders} SET status = 'open', workflow_id = $2, workflow_version = $3, updated_at = $4 WHERE order_id = $1`, [
            event.data.orderId,
            event.data.workflow.workflowId,
            event.data.workflow.version,
            event.data.at,
          ]);
          break;
        case 'WorkOrderStepRecorded': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${tables.work_order_steps} (order_id, sequence, step, name, evidence, moves_goods, actor, actor_role, at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [d.orderId, d.sequence, d.step, d.name, d.evidence ? JSON.stringify(d.evidence) : null, d.movesGoods, d.actor, recorded.metadata.actor.role, d.at],
          );
          await tx.query(`UPDATE ${tables.work_orders} SET status = 'in_progress', steps_recorded = $2, updated_at = $3 WHERE order_id = $1`, [
            d.orderId,
            d.sequence,
            d.at,
          ]);
          break;
        }
        case 'WorkOrderCompleted':
          await tx.query(`UPDATE ${tables.work_orders} SET status = 'completed', updated_at = $2 WHERE order_id = $1`, [event.data.orderId, event.data.at]);
          break;
        case 'WorkOrderCancelled':
          await tx.query(`UPDATE ${tables.work_orders} SET status = 'cancelled', cancel_reason = $2, updated_at = $3 WHERE order_id = $1`, [
            event.data.orderId,
            event.data.reason,
            event.data.at,
          ]);
          break;
      }
    }
  },
};
