import type { Projection } from '@dw/projections';
import type { StocktakeEvent } from '../domain/stocktake.events';

/** Stocktakes and their variances with every explanation, for GET /stocktakes and the ops review. */
export const stocktakesProjection: Projection<'stocktakes' | 'stocktake_variances', StocktakeEvent> = {
  name: 'stocktakes',
  tables: {
    stocktakes: (t) => `CREATE TABLE ${t} (
      stocktake_id text PRIMARY KEY,
      position bigint NOT NULL UNIQUE,
      order_id text NOT NULL,
      warehouse text NOT NULL,
      location_ids jsonb NOT NULL,
      status text NOT NULL,
      book_pieces int NOT NULL,
      counted_pieces int NOT NULL DEFAULT 0,
      variances int NOT NULL DEFAULT 0,
      started_at timestamptz NOT NULL,
      closed_at timestamptz)`,
    stocktake_variances: (t) => `CREATE TABLE ${t} (
      stocktake_id text NOT NULL,
      variance_id text NOT NULL,
      kind text NOT NULL,
      reason text NOT NULL,
      barcode text NOT NULL,
      lot_id text,
      owner text,
      book_location_id text,
      counted_location_id text,
      book_kg bigint,
      counted_kg bigint,
      delta_pieces int NOT NULL,
      delta_kg bigint NOT NULL,
      explanations jsonb NOT NULL DEFAULT '[]',
      found_at timestamptz NOT NULL,
      PRIMARY KEY (stocktake_id, variance_id))`,
  },
  eventTypes: ['StocktakeStarted', 'PieceCounted', 'StocktakeCountFinished', 'StocktakeVarianceFound', 'StocktakeVarianceExplained', 'StocktakeClosed'],
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const event = recorded;
      switch (event.type) {
        case 'StocktakeStarted': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${tables.stocktakes} (stocktake_id, position, order_id, warehouse, location_ids, status, book_pieces, started_at) VALUES ($1, $2, $3, $4, $5, 'counting', $6, $7)`,
            [d.stocktakeId, recorded.globalPosition, d.orderId, d.warehouse, JSON.stringify(d.locationIds), d.book.length, d.at],
          );
          break;
        }
        case 'PieceCounted':
          await tx.query(`UPDATE ${tables.stocktakes} SET counted_pieces = counted_pieces + 1 WHERE stocktake_id = $1`, [event.data.stocktakeId]);
          break;
        case 'StocktakeCountFinished':
          await tx.query(`UPDATE ${tables.stocktakes} SET status = 'counted', variances = $2 WHERE stocktake_id = $1`, [
            event.data.stocktakeId,
            event.data.variances,
          ]);
          break;
        case 'StocktakeVarianceFound': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${tables.stocktake_variances} (stocktake_id, variance_id, kind, reason, barcode, lot_id, owner, book_location_id, counted_location_id,
               book_kg, counted_kg, delta_pieces, delta_kg, found_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
            [
              d.stocktakeId,
              d.varianceId,
              d.kind,
              d.reason,
              d.barcode,
              d.lotId,
              d.owner,
              d.bookLocationId,
              d.countedLocationId,
              d.bookKg,
              d.countedKg,
              d.delta.pieces,
              d.delta.kg,
              d.at,
            ],
          );
          break;
        }
        case 'StocktakeVarianceExplained':
          await tx.query(`UPDATE ${tables.stocktake_variances} SET explanations = explanations || $3::jsonb WHERE stocktake_id = $1 AND variance_id = $2`, [
            event.data.stocktakeId,
            event.data.varianceId,
            JSON.stringify([{ explanation: event.data.explanation, by: event.data.actor, at: event.data.at }]),
          ]);
          break;
        case 'StocktakeClosed':
          await tx.query(`UPDATE ${tables.stocktakes} SET status = 'closed', closed_at = $2 WHERE stocktake_id = $1`, [event.data.stocktakeId, event.data.at]);
          break;
      }
    }
  },
};
