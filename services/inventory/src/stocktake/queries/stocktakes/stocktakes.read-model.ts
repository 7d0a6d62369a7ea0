import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { CursorCodec, pageOf, shanghaiDateRange, type Page } from '@dw/platform';
import { cardOfParty } from '../../../shared/depositor-scope';
import type { ListStocktakesQueryDto } from './stocktakes.query.dto';

/** A row of `stocktakes` (projections/stocktakes.projection.ts). */
interface StocktakeRow {
  stocktake_id: string;
  position: string;
  order_id: string;
  warehouse: string;
  owner: string | null;
  location_ids: string[];
  status: string;
  status_history: { status: string; by: string; at: string }[];
  book_pieces: number;
  counted_pieces: number;
  variances: number;
  started_at: Date;
  closed_at: Date | null;
}

/** A row of `stocktake_variances` with the count of its piece from `stocktake_counts` (count_* null for a piece not counted). */
interface VarianceRow {
  variance_id: string;
  kind: string;
  reason: string;
  barcode: string;
  lot_id: string | null;
  owner: string | null;
  book_location_id: string | null;
  counted_location_id: string | null;
  book_kg: string | null;
  counted_kg: string | null;
  delta_pieces: number;
  delta_kg: string;
  explanations: { explanation: string; by: string; at: string }[];
  approved_by: string | null;
  approval_reason: string | null;
  approved_at: Date | null;
  count_location_id: string | null;
  count_weighed_kg: string | null;
  count_scale_id: string | null;
  count_reading_id: string | null;
  count_weighed_at: Date | null;
  counted_by: string | null;
  counted_at: Date | null;
}

export type StocktakeView = ReturnType<typeof stocktakeOf>;
export type StocktakeDetailView = StocktakeView & { statusHistory: StocktakeRow['status_history']; varianceList: ReturnType<typeof varianceOf>[] };

const kgOf = (value: string | null): number | null => (value === null ? null : Number(value));

function stocktakeOf(row: StocktakeRow) {
  return {
    stocktakeId: row.stocktake_id,
    orderId: row.order_id,
    warehouse: row.warehouse,
    owner: row.owner,
    locationIds: row.location_ids,
    status: row.status,
    bookPieces: row.book_pieces,
    countedPieces: row.counted_pieces,
    variances: row.variances,
    startedAt: row.started_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

function varianceOf(row: VarianceRow) {
  return {
    varianceId: row.variance_id,
    kind: row.kind,
    reason: row.reason,
    barcode: row.barcode,
    lotId: row.lot_id,
    owner: row.owner,
    bookLocationId: row.book_location_id,
    countedLocationId: row.counted_location_id,
    bookKg: kgOf(row.book_kg),
    countedKg: kgOf(row.counted_kg),
    delta: { pieces: row.delta_pieces, kg: Number(row.delta_kg) },
    count:
      row.counted_at === null
        ? null
        : {
            locationId: row.count_location_id!,
            weighedKg: kgOf(row.count_weighed_kg),
            scaleReading:
              row.count_reading_id === null
                ? null
                : { scaleId: row.count_scale_id!, readingId: row.count_reading_id, weighedAt: row.count_weighed_at!.toISOString() },
            countedBy: row.counted_by!,
            countedAt: row.counted_at.toISOString(),
          },
    explanations: row.explanations,
    approval: row.approved_at === null ? null : { approver: row.approved_by!, reason: row.approval_reason!, at: row.approved_at.toISOString() },
  };
}

/**
 * Stocktakes as their readers see them: staff every one, a depositor (`party` not null) only
 * those over its own storage cards' goods (another party's answers as a missing one).
 */
@Injectable()
export class StocktakesReadModel {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  async page(query: ListStocktakesQueryDto, party: string | null): Promise<Page<StocktakeView>> {
    const range = shanghaiDateRange(query.from, query.to);
    const after = query.cursor ? this.cursors.decode<{ p: string }>(query.cursor, 'stocktakes').p : null;
    const { rows } = await this.db.query<StocktakeRow>(
      `SELECT * FROM stocktakes WHERE ($1::text IS NULL OR warehouse = $1) AND ($2::timestamptz IS NULL OR started_at >= $2) AND ($3::timestamptz IS NULL OR started_at < $3)
         AND ($4::bigint IS NULL OR position > $4) AND ${cardOfParty('owner', 6)} ORDER BY position LIMIT $5`,
      [query.warehouse ?? null, range.from, range.to, after, query.limit + 1, party],
    );
    return pageOf(rows, query.limit, stocktakeOf, (row) => this.cursors.encode({ p: String(row.position) }, 'stocktakes'));
  }

  /** The stocktake with its status history and every variance with its count, explanations and approval; 404 STOCKTAKE_NOT_FOUND. */
  async detail(stocktakeId: string, party: string | null): Promise<StocktakeDetailView> {
    // rule INV-DEPOSITOR-OWN-CARDS
    const { rows } = await this.db.query<StocktakeRow>(`SELECT * FROM stocktakes WHERE stocktake_id = $1 AND ${cardOfParty('owner', 2)}`, [stocktakeId, party]);
    const row = rows[0];
    if (!row) throw refuse.notFound('STOCKTAKE_NOT_FOUND', `no stocktake ${stocktakeId}`, { stocktakeId });
    const variances = await this.db.query<VarianceRow>(
      `SELECT v.*, c.location_id AS count_location_id, c.weighed_kg AS count_weighed_kg, c.scale_id AS count_scale_id, c.reading_id AS count_reading_id,
              c.weighed_at AS count_weighed_at, c.counted_by, c.counted_at
         FROM stocktake_variances v LEFT JOIN stocktake_counts c ON c.stocktake_id = v.stocktake_id AND c.barcode = v.barcode
        WHERE v.stocktake_id = $1 ORDER BY v.variance_id`,
      [stocktakeId],
    );
    return { ...stocktakeOf(row), statusHistory: row.status_history, varianceList: variances.rows.map(varianceOf) };
  }
}
