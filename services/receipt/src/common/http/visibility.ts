import { STAFF_ROLES, type Principal } from '@dw/platform';

/**
 * Whose records a caller may list: warehouse staff and the exchange see every party's; anyone
 * else (a depositor) only its own party's. A depositor without a party sees nothing.
 */
export function partyScopeOf(principal: Principal): { all: true } | { all: false; partyId: string | null } {
  if (principal.roles.some((role) => STAFF_ROLES.includes(role) || role === 'exchange')) return { all: true };
  return { all: false, partyId: principal.partyId ?? null };
}
