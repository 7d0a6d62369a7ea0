import { refuse } from '@dw/kernel';
import type { Principal } from './principal';
import { STAFF_ROLES } from './role';

/**
 * Ownership check for depositor self-service: staff act for anyone, everyone else only for
 * their own party. Another party's thing answers exactly as a missing one: the caller passes the
 * refusal it gives for "no such thing" (404, same code and message), so neither the status nor
 * the message tells a depositor that the thing exists or whose it is.
 */
export function assertOwnParty(principal: Principal, ownerPartyId: string, asMissing: () => Error): void {
  // rule INV-DEPOSITOR-OWN-CARDS
  if (principal.roles.some((role) => STAFF_ROLES.includes(role))) return;
  if (principal.partyId !== undefined && principal.partyId === ownerPartyId) return;
  throw asMissing();
}

/**
 * Whose records a person may list: `null` for staff (every party's), otherwise the caller's own
 * party ('' for a depositor without one, which matches nothing). Lists filter by it in SQL.
 */
export function listScopeOf(principal: Principal): string | null {
  if (principal.roles.some((role) => STAFF_ROLES.includes(role))) return null;
  return principal.partyId ?? '';
}

/** A list filtered by a storage card (`owner=`) the caller may not see: answered as an unknown card. */
export const unknownCardFilter = (cardNumber: string) => refuse.notFound('CARD_NOT_FOUND', `no storage card ${cardNumber}`, { field: 'owner', cardNumber });
