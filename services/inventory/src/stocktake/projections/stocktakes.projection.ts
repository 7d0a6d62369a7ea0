import type { SqlClient } from '@dw/event-store';
import type { Projection } from '@dw/projections';
import type { StocktakeEvent } from '../domain/stocktake.events';

type Tables = 'stocktakes' | 'stocktake_counts' | 'stocktake_variances';

/**
 * Stocktakes with the evidence behind each variance, for GET /stocktakes and the review of a
 * stocktake: the stocktake's status history (who started, finished the count, closed, and when),
 * every piece counted (where, by whom, its counted weight and the signed scale reading behind it),
 * and each variance with every explanation and the manager's approval.
 */
export const stocktakesProjection: Projection<Tables, StocktakeEvent> = {
  name: 'stocktakes',
  tables: {
    stocktakes: (t) => `CREATE TABLE ${t} (
      stocktake_id text PRIMARY KEY,
      position bigint NOT NULL UNIQUE,
      order_id text NOT NULL,
      warehouse text NOT NULL,
      owner text,
      location_ids jsonb NOT NULL,
      status text NOT NULL,
      status_history jsonb NOT NULL,
      book_pieces int NOT NULL,
      counted_pieces int NOT NULL DEFAULT 0,
      variances int NOT NULL DEFAULT 0,
      started_at timestamptz NOT NULL,
      closed_at timestamptz)`,
    stocktake_counts: (t) => `CREATE TABLE ${t} (
      stocktake_id text NOT NULL,
      barcode text NOT NULL,
      location_id text NOT NULL,
      weighed_kg bigint,
      scale_id text,
      reading_id text,
      weighed_at timestamptz,
      counted_by text NOT NULL,
      counted_at timestamptz NOT NULL,
      PRIMARY KEY (stocktake_id, barcode))`,
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
      approved_by text,
      approval_reason text,
      approved_at timestamptz,
      found_at timestamptz NOT NULL,
      PRIMARY KEY (stocktake_id, variance_id))`,
  },
  eventTypes: [
    'StocktakeStarted',
    'PieceCounted',
    'CountedPiecesWeighed',
    'StocktakeCountFinished',
    'StocktakeVarianceFound',
    'StocktakeVarianceExplained',
    'StocktakeVarianceApproved',
    'StocktakeClosed',
  ],
  async apply(tx, events, tables) {
    for (const recorded of events) {
      const event = recorded;
      switch (event.type) {
        case 'StocktakeStarted': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${tables.stocktakes} (stocktake_id, position, order_id, warehouse, owner, location_ids, status, status_history, book_pieces, started_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'counting', $7, $8, $9)`,
            [
              d.stocktakeId,
              recorded.globalPosition,
              d.orderId,
              d.warehouse,
              d.owner ?? null,
              JSON.stringify(d.locationIds),
              JSON.stringify([statusChange('counting', d)]),
              d.book.length,
              d.at,
            ],
          );
          break;
        }
        case 'PieceCounted': {
          const d = event.data;
          await tx.query(`UPDATE ${tables.stocktakes} SET counted_pieces = counted_pieces + 1 WHERE stocktake_id = $1`, [d.stocktakeId]);
          await tx.query(
            `INSERT INTO ${tables.stocktake_counts} (stocktake_id, barcode, location_id, weighed_kg, counted_by, counted_at) VALUES ($1, $2, $3, $4, $5, $6)`,
            [d.stocktakeId, d.barcode, d.locationId, d.weighedKg, d.actor, d.at],
          );
          break;
        }
        case 'CountedPiecesWeighed': {
          // The scale's share of the net replaces any weight typed at the count, as in the stocktake's own state.
          const d = event.data;
          for (const piece of d.pieces) {
            await tx.query(
              `UPDATE ${tables.stocktake_counts} SET weighed_kg = $3, scale_id = $4, reading_id = $5, weighed_at = $6 WHERE stocktake_id = $1 AND barcode = $2`,
              [d.stocktakeId, piece.barcode, piece.netKg, d.scaleId, d.readingId, d.weighedAt],
            );
          }
          break;
        }
        case 'StocktakeCountFinished':
          await changeStatus(tx, tables.stocktakes, 'counted', event.data);
          await tx.query(`UPDATE ${tables.stocktakes} SET variances = $2 WHERE stocktake_id = $1`, [event.data.stocktakeId, event.data.variances]);
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
        case 'StocktakeVarianceApproved': {
          const d = event.data;
          await tx.query(
            `UPDATE ${tables.stocktake_variances} SET approved_by = $3, approval_reason = $4, approved_at = $5 WHERE stocktake_id = $1 AND variance_id = $2`,
            [d.stocktakeId, d.varianceId, d.actor, d.reason, d.at],
          );
          break;
        }
        case 'StocktakeClosed':
          await changeStatus(tx, tables.stocktakes, 'closed', event.data);
          await tx.query(`UPDATE ${tables.stocktakes} SET closed_at = $2 WHERE stocktake_id = $1`, [event.data.stocktakeId, event.data.at]);
          break;
      }
    }
  },
};

/** One entry of a stocktake's status history: the status it entered, who moved it there, when. */
const statusChange = (status: string, d: { actor: string; at: string }) => ({ status, by: d.actor, at: d.at });

async function changeStatus(tx: SqlClient, table: string, status: 'counted' | 'closed', d: { stocktakeId: string; actor: string; at: string }) {
  await tx.query(`UPDATE ${table} SET status = $2, status_history = status_history || $3::jsonb WHERE stocktake_id = $1`, [
    d.stocktakeId,
    status,
    JSON.stringify([statusChange(status, d)]),
  ]);
}
