import type { AppendRequest, EventMetadata, ExpectedVersion } from '@dw/event-store';
import { cloudEventMessage } from '@dw/messaging';

export interface ProbeAppendOptions {
  streamId: string;
  /** One ProbeRecorded event per number, in order. */
  ns: readonly number[];
  /** The topic each event's outbox message goes to. */
  topic: string;
  metadata: EventMetadata;
  expectedVersion?: ExpectedVersion;
  /** A message's payload; the number as text unless a spec needs other bytes (an oversized one). */
  payloadOf?: (n: number) => Buffer;
}

/**
 * An append of probe events, each with its PlatformProbeRecorded message in the outbox: what the
 * outbox, relay and fault specs send through store, relay and Kafka (with store.append or tx.append).
 */
export function probeAppend(options: ProbeAppendOptions): AppendRequest {
  const { ns, topic, payloadOf = (n) => Buffer.from(String(n)) } = options;
  return {
    streamId: options.streamId,
    streamType: 'probe',
    expectedVersion: options.expectedVersion ?? 'any',
    events: ns.map((n) => ({ type: 'ProbeRecorded', data: { n } })),
    metadata: options.metadata,
    outbox: (pending) =>
      pending.map((event, i) =>
        cloudEventMessage(event, { topic, source: '/dw/test', type: 'dw.platform.v1.PlatformProbeRecorded', payload: payloadOf(ns[i]!) }),
      ),
  };
}
