import { refuse } from '@dw/kernel';
import type { Principal } from './principal';
import { STAFF_ROLES } from './role';

/**
 * Ownership check for depositor self-service: staff act for anyone, everyone else only for
 * their own party. Throws a DomainError (kind forbidden), which the problem filter turns into
 * 403 `NOT_OWNER`; services call this where they know which party owns the thing asked for.
 */
export function assertOwnParty(principal: Principal, ownerPartyId: string): void {
  // rule INV-DEPOSITOR-OWN-CARDS
  if (principal.roles.some((role) => STAFF_ROLES.includes(role))) return;
  if (principal.partyId !== undefined && principal.partyId === ownerPartyId) return;
  // The owner's party id is not echoed back: it would tell a stranger who holds the thing.
  throw refuse.forbidden('NOT_OWNER', 'this belongs to another party');
}
