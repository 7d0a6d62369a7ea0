import type { Projection } from '@dw/projections';
import type { OperationRefused } from '../operation-refusal.events';

/** Operations refused at the source, for ops (GET /operation-refusals). */
export const operationRefusalsProjection: Projection<'operation_refusals', OperationRefused> = {
  name: 'operation_refusals',
  tables: {
    operation_refusals: (t) => `CREATE TABLE ${t} (
      refusal_id text PRIMARY KEY,
      position bigint NOT NULL UNIQUE,
      operation text NOT NULL,
      code text NOT NULL,
      message text NOT NULL,
      details jsonb NOT NULL,
      order_id text,
      warehouse text,
      owner text,
      subject text NOT NULL,
      actor text NOT NULL,
      at timestamptz NOT NULL)`,
  },
  eventTypes: ['OperationRefused'],
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const d = recorded.data;
      await tx.query(
        `INSERT INTO ${tables.operation_refusals} (refusal_id, position, operation, code, message, details, order_id, warehouse, owner, subject, actor, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          d.refusalId,
          recorded.globalPosition,
          d.operation,
          d.code,
          d.message,
          JSON.stringify(d.details),
          d.orderId,
          d.warehouse,
          d.owner,
          d.subject,
          d.actor,
          d.at,
        ],
      );
    }
  },
};
