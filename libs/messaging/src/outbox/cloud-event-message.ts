import type { OutboxMessage, PendingEvent } from '@dw/event-store';

export interface CloudEventMessageSpec {
  topic: string;
  /** URI-reference of the producing service, e.g. `/dw/receipt`. */
  source: string;
  /** Fully qualified proto message name, e.g. `dw.receipt.v1.ReceiptIssued`. */
  type: string;
  payload: Uint8Array;
}

/**
 * The outbox row for one domain event in its public form: protobuf bytes with CloudEvents
 * binary-mode headers and the W3C traceparent of the request that caused it. Key = the
 * aggregate (stream) id, so one aggregate's events keep their order on one partition.
 */
export function cloudEventMessage(event: PendingEvent, spec: CloudEventMessageSpec): OutboxMessage {
  const headers: Record<string, string> = {
    ce_specversion: '1.0',
    ce_id: event.eventId,
    ce_type: spec.type,
    ce_source: spec.source,
    ce_subject: event.streamId,
    ce_time: event.recordedAt.toISOString(),
    'content-type': 'application/protobuf',
    dw_correlation_id: event.metadata.correlationId,
    dw_causation_id: event.metadata.causationId ?? event.eventId,
  };
  if (event.metadata.traceparent) headers.traceparent = event.metadata.traceparent;
  return { messageId: event.eventId, topic: spec.topic, key: event.streamId, payload: spec.payload, headers };
}
