import { refuse, requireInstant, requireText } from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';

/** Why, by whom and when a plate or an ID number was blacklisted. */
export interface BlacklistEntry {
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

export interface BlacklistInput {
  readonly reason: string;
  readonly actor: Actor;
  readonly at: string;
}

/** A manager blacklists a plate or a driver with a reason; once is enough (a second answers 409 ALREADY_BLACKLISTED). */
export function blacklistEntryOf(input: BlacklistInput, current: BlacklistEntry | null, what: string): BlacklistEntry {
  // rule GATE-BLACKLIST
  requireRole(input.actor, ['manager'], 'blacklist plates or drivers');
  const reason = requireText(input.reason, 'reason');
  const at = requireInstant(input.at, 'at');
  if (current !== null) throw refuse.conflict('ALREADY_BLACKLISTED', `${what} is already blacklisted`, { reason: current.reason, by: current.by });
  return { reason, by: input.actor.subject, at };
}
