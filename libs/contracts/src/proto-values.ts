import { create } from '@bufbuild/protobuf';
import { timestampDate, timestampFromDate, type Timestamp } from '@bufbuild/protobuf/wkt';
import { ContractError } from './contract-errors';
import { ActorSchema, type Actor } from './gen/dw/common/v1/actor_pb';

/** A field a contract requires was absent from a received message: a poison record, not a business refusal. */
export class ContractFieldMissingError extends ContractError {
  static readonly code = 'CONTRACT_FIELD_MISSING';
  override readonly name = 'ContractFieldMissingError';

  constructor(field: string) {
    super(ContractFieldMissingError.code, `${field} is missing`, {}, field);
  }
}

/** The actor of an event (its metadata's `actor`) in its public form; no party is ''. */
export function toActor(actor: { subject: string; role: string; partyId?: string }): Actor {
  return create(ActorSchema, { subject: actor.subject, role: actor.role, partyId: actor.partyId ?? '' });
}

/** An instant (ISO-8601 text or a Date) as a protobuf Timestamp (UTC). */
export function toTimestamp(instant: string | Date): Timestamp {
  return timestampFromDate(typeof instant === 'string' ? new Date(instant) : instant);
}

/** A received Timestamp as ISO-8601 UTC text; an unset one is refused, never read as "now" or the epoch. */
export function fromTimestamp(timestamp: Timestamp | undefined, field: string): string {
  if (!timestamp) throw new ContractFieldMissingError(field);
  return timestampDate(timestamp).toISOString();
}
