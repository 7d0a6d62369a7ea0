import type { Database } from '@dw/event-store';
import { applyStockPage, StockEvent, STOCK_TOTALS_EVENT_TYPES } from './stock-totals.projection';

/**
 * The minimal rebuild: read the log in pages by global_position (keyset on the primary key,
 * only the columns the projection needs), reduce each page in memory, one batched upsert per
 * page. No commit-order horizon, no checkpoint, no shadow tables: correct only while nothing
 * else writes, which is what a one-off rebuild script assumes.
 */
export async function referenceRebuild(db: Database, table: string, pageSize: number): Promise<number> {
  let after = 0;
  let read = 0;
  for (;;) {
    const { rows } = await db.query<{ global_position: string; stream_id: string; stream_position: string; event_type: string; data: unknown }>(
      `SELECT global_position, stream_id, stream_position, event_type, data FROM events
        WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
      [after, pageSize],
    );
    if (rows.length === 0) return read;
    const events: StockEvent[] = rows
      .filter((r) => (STOCK_TOTALS_EVENT_TYPES as readonly string[]).includes(r.event_type))
      .map((r) => ({ streamId: r.stream_id, type: r.event_type, streamPosition: Number(r.stream_position), data: r.data }));
    if (events.length > 0) await applyStockPage(db, table, events);
    read += rows.length;
    after = Number(rows[rows.length - 1]!.global_position);
    if (rows.length < pageSize) return read;
  }
}
