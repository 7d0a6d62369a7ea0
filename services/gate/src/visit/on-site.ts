import type { Database } from '@dw/event-store';
import { refuse } from '@dw/kernel';

/**
 * The visit of a plate on site (admitted, not left), from the visits read model; the visit's
 * stream decides whether it still is. Null when there is none.
 */
export async function visitOnSiteOf(db: Database, plate: string): Promise<string | null> {
  const { rows } = await db.query<{ visit_id: string }>(
    `SELECT visit_id FROM visits WHERE plate = $1 AND outcome = 'admitted' AND left_at IS NULL ORDER BY at DESC, visit_id LIMIT 1`,
    [plate],
  );
  return rows[0]?.visit_id ?? null;
}

/** As visitOnSiteOf, refusing a plate with no vehicle on site (404 VISIT_NOT_ON_SITE). */
export async function requireVisitOnSite(db: Database, plate: string): Promise<string> {
  const visitId = await visitOnSiteOf(db, plate);
  if (visitId === null) throw refuse.notFound('VISIT_NOT_ON_SITE', `no vehicle ${plate} is on site`, { plate });
  return visitId;
}

/** 404 VISIT_NOT_FOUND: no visit by that id. */
export const visitNotFound = (visitId: string) => refuse.notFound('VISIT_NOT_FOUND', `no visit ${visitId}`, { visitId });
