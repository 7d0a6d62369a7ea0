import type { Projection } from '@dw/projections';
import type { ReferencePriceEvent } from '../domain/reference-prices.decider';

/**
 * The exchange's settlement prices as the platform took them from billing.settlement-price.v1,
 * one row per (commodity, trading day, contract); a correction replaces the row.
 */
export const referencePricesProjection: Projection<'reference_prices', ReferencePriceEvent> = {
  name: 'reference_prices',
  tables: {
    reference_prices: (t) => `CREATE TABLE ${t} (
      commodity text NOT NULL,
      trading_day date NOT NULL,
      contract text NOT NULL,
      fen_per_tonne bigint NOT NULL,
      nearest_month boolean NOT NULL,
      published_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (commodity, trading_day, contract)
    )`,
  },
  eventTypes: ['ReferencePriceRecorded'],
  async apply(tx, events, tables) {
    for (const event of events) {
      const { commodity, tradingDay, contract, fenPerTonne, nearestMonth, publishedAt, at } = event.data;
      await tx.query(
        `INSERT INTO ${tables.reference_prices} (commodity, trading_day, contract, fen_per_tonne, nearest_month, published_at, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (commodity, trading_day, contract) DO UPDATE SET fen_per_tonne = $4, nearest_month = $5, published_at = $6, recorded_at = $7`,
        [commodity, tradingDay, contract, fenPerTonne, nearestMonth, publishedAt, at],
      );
    }
  },
};
