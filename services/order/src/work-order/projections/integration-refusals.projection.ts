import type { Projection } from '@dw/projections';
import type { IntegrationEventRefused } from '../integration/integration-refusal';

/** Integration events the service refused (e.g. a step report for a cancelled order), for ops and the order view. */
export const integrationRefusalsProjection: Projection<'integration_refusals', IntegrationEventRefused> = {
  name: 'integration_refusals',
  tables: {
    integration_refusals: (t) => `CREATE TABLE ${t} (
      message_id text PRIMARY KEY,
      position bigint NOT NULL,
      event_type text NOT NULL,
      order_id text NOT NULL,
      code text NOT NULL,
      message text NOT NULL,
      details jsonb NOT NULL,
      at timestamptz NOT NULL)`,
  },
  eventTypes: ['IntegrationEventRefused'],
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const { messageId, eventType, orderId, code, message, details, at } = recorded.data;
      await tx.query(
        `INSERT INTO ${tables.integration_refusals} (message_id, position, event_type, order_id, code, message, details, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [messageId, recorded.globalPosition, eventType, orderId, code, message, JSON.stringify(details), at],
      );
    }
  },
};
