import { create } from '@bufbuild/protobuf';
import { timestampDate, timestampFromDate, type Timestamp } from '@bufbuild/protobuf/wkt';
import { ActorSchema, type Actor } from '@dw/contracts';
import type { ActorRef } from '@dw/event-store';

/** Values in their public (proto) form and back: actors from event metadata, instants as UTC timestamps. */
export const pb = {
  actor: (actor: ActorRef): Actor => create(ActorSchema, { subject: actor.subject, role: actor.role, partyId: actor.partyId ?? '' }),
  at: (instant: string | Date): Timestamp => timestampFromDate(typeof instant === 'string' ? new Date(instant) : instant),
  /** An instant the producer left unset is a broken message, not "now". */
  instant: (timestamp: Timestamp | undefined, field: string): string => {
    if (!timestamp) throw new Error(`${field} is missing`);
    return timestampDate(timestamp).toISOString();
  },
};
