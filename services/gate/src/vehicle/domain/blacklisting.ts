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

/** Why, by whom and when a blacklisting was lifted. */
export interface BlacklistLifting {
  readonly reason: string;
  readonly by: string;
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

/**
 * A manager lifts a blacklisting with a reason: a second event on the same stream, so the
 * blacklisting and its lifting both stay on record; lifting one not blacklisted is
 * 409 NOT_BLACKLISTED, and once lifted it may be blacklisted again.
 */
export function blacklistLiftingOf(input: BlacklistInput, current: BlacklistEntry | null, what: string): BlacklistLifting {
  // rule GATE-BLACKLIST-LIFT
  requireRole(input.actor, ['manager'], 'lift blacklistings');
  const reason = requireText(input.reason, 'reason');
  const at = requireInstant(input.at, 'at');
  if (current === null) throw refuse.conflict('NOT_BLACKLISTED', `${what} is not blacklisted`, {});
  return { reason, by: input.actor.subject, at };
}
