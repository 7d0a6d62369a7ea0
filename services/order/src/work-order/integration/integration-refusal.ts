import { DomainError } from '@dw/kernel';
import type { InboxContext } from '@dw/platform';

/** An integration event the order service could not act on, kept in its log for ops (never dropped). */
export interface IntegrationEventRefused {
  readonly type: 'IntegrationEventRefused';
  readonly data: {
    readonly messageId: string;
    readonly eventType: string;
    readonly orderId: string;
    readonly code: string;
    readonly message: string;
    readonly details: Record<string, unknown>;
    readonly at: string;
  };
}

/**
 * Runs a Kafka handler's work and, when the business rules refuse it, undoes that work (to a
 * savepoint in the inbox transaction) and records the refusal instead. A refusal is a fact about
 * the message, not a failure to retry: retrying cannot change the answer, and a dead letter
 * would hide a business outcome in an operations queue. Anything else still throws and retries.
 */
export async function refusalsRecorded(ctx: InboxContext, orderId: string, at: string, work: () => Promise<unknown>): Promise<void> {
  await ctx.store.sql.query('SAVEPOINT integration_event');
  try {
    await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await ctx.store.sql.query('ROLLBACK TO SAVEPOINT integration_event');
    const refused: IntegrationEventRefused = {
      type: 'IntegrationEventRefused',
      data: { messageId: ctx.messageId, eventType: ctx.eventType, orderId, code: error.code, message: error.message, details: error.details, at },
    };
    await ctx.store.append({
      streamId: `integration-refusal-${ctx.messageId}`,
      streamType: 'integration-refusal',
      expectedVersion: 'no_stream',
      events: [refused],
      metadata: ctx.causedMetadata(),
    });
  }
}
