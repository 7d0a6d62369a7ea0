import type { Projection } from '@dw/projections';
import type { ListingEvent } from '../../listing/domain/listing.events';

/**
 * The market information the platform publishes (标准仓单交易管理办法 第二十四条, 第六十九条):
 * - market_offers: each listing's offer as it stands (申卖价, 申卖量): price, receipts and kg
 *   still available, open or closed;
 * - market_takes: each take with its volume and amount; a settled take is a trade (成交), in the
 *   order of the log (`seq`, the settlement's global position), which gives the day's latest
 *   price and a day's close.
 */
export const marketInformationProjection: Projection<'market_offers' | 'market_takes', ListingEvent> = {
  name: 'market_information',
  tables: {
    market_offers: (t) => `CREATE TABLE ${t} (
      listing_id text PRIMARY KEY,
      commodity text NOT NULL,
      trading_day date NOT NULL,
      warehouse text NOT NULL,
      brand text NOT NULL,
      grade text NOT NULL,
      mode text NOT NULL,
      min_take integer,
      price_fen_per_tonne bigint NOT NULL,
      remaining_receipts integer NOT NULL,
      remaining_kg bigint NOT NULL,
      status text NOT NULL,
      posted_at timestamptz NOT NULL
    );
    CREATE INDEX ON ${t} (trading_day, commodity, posted_at)`,
    market_takes: (t) => `CREATE TABLE ${t} (
      take_id text PRIMARY KEY,
      listing_id text NOT NULL,
      commodity text NOT NULL,
      trading_day date NOT NULL,
      state text NOT NULL,
      receipts integer NOT NULL,
      weight_kg bigint NOT NULL,
      price_fen_per_tonne bigint NOT NULL,
      amount_fen bigint NOT NULL,
      seq bigint,
      settled_at timestamptz
    );
    CREATE INDEX ON ${t} (commodity, trading_day, seq)`,
  },
  eventTypes: ['ListingPosted', 'ListingClosed', 'TakeReserved', 'TakeSettled', 'TakeReleased'],
  async apply(tx, events, tables) {
    const offers = tables.market_offers;
    const takes = tables.market_takes;
    for (const event of events) {
      switch (event.type) {
        case 'ListingPosted': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${offers} (listing_id, commodity, trading_day, warehouse, brand, grade, mode, min_take, price_fen_per_tonne, remaining_receipts, remaining_kg, status, posted_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12)`,
            [
              d.listingId,
              d.commodity,
              d.tradingDay,
              d.warehouse,
              d.brand,
              d.grade,
              d.mode,
              d.minTake,
              d.quote.priceFenPerTonne,
              d.receipts.length,
              d.receipts.reduce((sum, receipt) => sum + receipt.weightKg, 0),
              d.at,
            ],
          );
          break;
        }
        case 'ListingClosed':
          await tx.query(`UPDATE ${offers} SET status = 'closed', remaining_receipts = 0, remaining_kg = 0 WHERE listing_id = $1`, [event.data.listingId]);
          break;
        case 'TakeReserved': {
          const d = event.data;
          await tx.query(`UPDATE ${offers} SET remaining_receipts = remaining_receipts - $2, remaining_kg = remaining_kg - $3 WHERE listing_id = $1`, [
            d.listingId,
            d.receipts.length,
            d.weightKg,
          ]);
          await tx.query(
            `INSERT INTO ${takes} (take_id, listing_id, commodity, trading_day, state, receipts, weight_kg, price_fen_per_tonne, amount_fen)
             SELECT $1, listing_id, commodity, trading_day, 'reserved', $2, $3, $4, $5 FROM ${offers} WHERE listing_id = $6`,
            [d.takeId, d.receipts.length, d.weightKg, d.priceFenPerTonne, d.proceedsFen, d.listingId],
          );
          break;
        }
        case 'TakeSettled':
          await tx.query(`UPDATE ${takes} SET state = 'settled', seq = $2, settled_at = $3 WHERE take_id = $1`, [
            event.data.takeId,
            event.globalPosition,
            event.data.at,
          ]);
          break;
        case 'TakeReleased':
          await tx.query(`UPDATE ${takes} SET state = 'released' WHERE take_id = $1`, [event.data.takeId]);
          if (event.data.backOnListing) {
            await tx.query(
              `UPDATE ${offers} o SET remaining_receipts = o.remaining_receipts + t.receipts, remaining_kg = o.remaining_kg + t.weight_kg
                 FROM ${takes} t WHERE t.take_id = $1 AND o.listing_id = t.listing_id`,
              [event.data.takeId],
            );
          }
          break;
      }
    }
  },
};
