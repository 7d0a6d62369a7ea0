import { STAFF_ROLES, type Principal } from '@dw/platform';

/**
 * Whose records a person may list: warehouse staff see every party's; anyone else (a depositor)
 * only its own party's. A depositor without a party sees nothing. The exchange reads through
 * its signed routes, never a person's token (JwtVerifier refuses integration roles).
 */
export function partyScopeOf(principal: Principal): { all: true } | { all: false; partyId: string | null } {
  if (principal.roles.some((role) => STAFF_ROLES.includes(role))) return { all: true };
  return { all: false, partyId: principal.partyId ?? null };
}
