import type { Database } from '@dw/event-store';
import { assertOwnParty, listScopeOf, unknownCardFilter, type Principal } from '@dw/platform';

/**
 * Which party's storage cards a list is limited to: none for staff (they see every card), the
 * caller's own party for a depositor. A depositor who names a card (`owner=`) must hold it:
 * another party's card and one the warehouse does not know are both refused 404
 * CARD_NOT_FOUND, so a probe cannot tell the two apart.
 */
export async function depositorScope(db: Database, principal: Principal, owner: string | undefined): Promise<string | null> {
  // rule INV-DEPOSITOR-OWN-CARDS
  const scope = listScopeOf(principal);
  if (scope !== null && owner !== undefined) assertOwnParty(principal, await partyOfCard(db, owner), () => unknownCardFilter(owner));
  return scope;
}

/** The party holding a storage card, '' when no order has named it yet. */
export async function partyOfCard(db: Database, card: string): Promise<string> {
  const { rows } = await db.query<{ party: string }>(`SELECT party FROM storage_cards WHERE card = $1`, [card]);
  return rows[0]?.party ?? '';
}

/** SQL condition limiting `column` (a storage card) to the cards of party `$n`, or to all when `$n` is null. */
export const cardOfParty = (column: string, parameter: number): string =>
  `($${parameter}::text IS NULL OR ${column} IN (SELECT card FROM storage_cards WHERE party = $${parameter}))`;
