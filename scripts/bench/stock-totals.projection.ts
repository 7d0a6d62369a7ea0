import type { SqlClient } from '@dw/event-store';
import type { Projection } from '@dw/projections';

/**
 * The read model both rebuilds produce: per lot, kilograms received and shipped, events
 * applied and the last stream position. Each page is reduced in memory to one row per lot
 * and written with ONE batched upsert, on both sides, so the comparison is about the
 * machinery around it (paging, commit-order reads, transactions), not the projection.
 */
export const STOCK_TOTALS_EVENT_TYPES = ['StockReceived', 'StockShipped'] as const;

export const stockTotalsTable = (t: string) => `CREATE TABLE ${t} (
  stream_id text PRIMARY KEY, received_kg bigint NOT NULL, shipped_kg bigint NOT NULL, events bigint NOT NULL, last_position bigint NOT NULL)`;

export interface StockEvent {
  streamId: string;
  type: string;
  streamPosition: number;
  data: unknown;
}

interface LotTotals {
  receivedKg: number;
  shippedKg: number;
  events: number;
  lastPosition: number;
}

export async function applyStockPage(tx: SqlClient, table: string, events: readonly StockEvent[]): Promise<void> {
  const lots = new Map<string, LotTotals>();
  for (const event of events) {
    const kg = (event.data as { kg: number }).kg;
    const lot = lots.get(event.streamId) ?? { receivedKg: 0, shippedKg: 0, events: 0, lastPosition: 0 };
    if (event.type === 'StockReceived') lot.receivedKg += kg;
    else lot.shippedKg += kg;
    lot.events += 1;
    lot.lastPosition = Math.max(lot.lastPosition, event.streamPosition);
    lots.set(event.streamId, lot);
  }
  const ids = [...lots.keys()];
  const totals = [...lots.values()];
  await tx.query(
    `INSERT INTO ${table} AS t (stream_id, received_kg, shipped_kg, events, last_position)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[])
     ON CONFLICT (stream_id) DO UPDATE SET received_kg = t.received_kg + EXCLUDED.received_kg,
       shipped_kg = t.shipped_kg + EXCLUDED.shipped_kg, events = t.events + EXCLUDED.events,
       last_position = greatest(t.last_position, EXCLUDED.last_position)`,
    [ids, totals.map((l) => l.receivedKg), totals.map((l) => l.shippedKg), totals.map((l) => l.events), totals.map((l) => l.lastPosition)],
  );
}

export const stockTotalsProjection: Projection<'bench_stock_totals'> = {
  name: 'bench_stock_totals',
  tables: { bench_stock_totals: stockTotalsTable },
  eventTypes: STOCK_TOTALS_EVENT_TYPES,
  apply: (tx, events, tables) => applyStockPage(tx, tables.bench_stock_totals, events),
};
