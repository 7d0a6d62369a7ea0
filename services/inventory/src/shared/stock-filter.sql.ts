import { shanghaiDateRange } from '@dw/platform';
import { cardOfParty } from './depositor-scope';
import type { StockFilterQueryDto } from './stock-filter.query.dto';

export interface StockFilterColumns {
  /** The listed table's alias in the query, or none. */
  readonly alias?: string;
  /** The column a list is dated by (`from`/`to` are Asia/Shanghai days of it). */
  readonly datedBy: string;
  /** Per-lot lists match a location when any piece of the lot lies there; per-piece and per-movement rows carry their own. */
  readonly location: 'any-piece-of-the-lot' | 'own-column';
}

/**
 * The WHERE clause every stock list shares (GET /lots, /stock, /stock/pieces, /stock/movements):
 * StockFilterQueryDto's filters and the caller's party scope (see depositorScope), as `$1`–`$8`;
 * a list appends its cursor and limit from `$9`. Column names come from the lists, never from input.
 */
export function stockFilterOf(query: StockFilterQueryDto, party: string | null, columns: StockFilterColumns): { where: string; params: unknown[] } {
  const column = (name: string) => (columns.alias ? `${columns.alias}.${name}` : name);
  const range = shanghaiDateRange(query.from, query.to);
  const atLocation =
    columns.location === 'own-column'
      ? `${column('location_id')} = $4`
      : `EXISTS (SELECT 1 FROM stock_pieces p WHERE p.lot_id = ${column('lot_id')} AND p.location_id = $4)`;
  return {
    where: `($1::text IS NULL OR ${column('commodity_code')} = $1) AND ($2::text IS NULL OR ${column('owner')} = $2)
        AND ($3::text IS NULL OR ${column('warehouse')} = $3) AND ($4::text IS NULL OR ${atLocation})
        AND ($5::timestamptz IS NULL OR ${column(columns.datedBy)} >= $5) AND ($6::timestamptz IS NULL OR ${column(columns.datedBy)} < $6)
        AND ($7::text IS NULL OR ${column('lot_id')} = $7) AND ${cardOfParty(column('owner'), 8)}`,
    params: [query.commodity ?? null, query.owner ?? null, query.warehouse ?? null, query.location ?? null, range.from, range.to, query.lot ?? null, party],
  };
}
