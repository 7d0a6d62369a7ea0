import type { Projection } from '@dw/projections';
import type { ListingEvent } from '../domain/listing.events';

type ReceiptOnListing = { receiptNumber: string; weightKg: number; state: 'available' | 'reserved' | 'sold' | 'unsold' };

/**
 * Listings with where each of their receipts stands, and their takes: what traders, the seller
 * and the exchange query, and what the listing expiry sweep looks for. Receipt states follow the
 * listing's events: reserved by a take, sold when it settles, available again when it is released
 * onto an open listing, unsold when the listing closes (or a take is released after the close).
 */
export const tradingListingsProjection: Projection<'trading_listings' | 'trading_takes', ListingEvent> = {
  name: 'trading_listings',
  tables: {
    trading_listings: (t) => `CREATE TABLE ${t} (
      listing_id text PRIMARY KEY,
      status text NOT NULL,
      close_reason_code text,
      seller_party_id text NOT NULL,
      seller_account_number text NOT NULL,
      commodity text NOT NULL,
      warehouse text NOT NULL,
      brand text NOT NULL,
      grade text NOT NULL,
      mode text NOT NULL,
      min_take integer,
      quote jsonb NOT NULL,
      trading_day date NOT NULL,
      closes_at text NOT NULL,
      receipts jsonb NOT NULL,
      remaining_receipts integer NOT NULL,
      remaining_kg bigint NOT NULL,
      posted_at timestamptz NOT NULL
    );
    CREATE INDEX ON ${t} (status, trading_day);
    CREATE INDEX ON ${t} (trading_day, commodity, posted_at);
    CREATE INDEX ON ${t} (seller_party_id, posted_at)`,
    trading_takes: (t) => `CREATE TABLE ${t} (
      take_id text PRIMARY KEY,
      listing_id text NOT NULL,
      state text NOT NULL,
      reason_code text,
      reason text,
      buyer_party_id text NOT NULL,
      seller_party_id text NOT NULL,
      commodity text NOT NULL,
      trading_day date NOT NULL,
      receipts jsonb NOT NULL,
      weight_kg bigint NOT NULL,
      price_fen_per_tonne bigint NOT NULL,
      proceeds_fen bigint NOT NULL,
      reserved_at timestamptz NOT NULL,
      resolved_at timestamptz
    );
    CREATE INDEX ON ${t} (listing_id);
    CREATE INDEX ON ${t} (buyer_party_id, reserved_at);
    CREATE INDEX ON ${t} (seller_party_id, reserved_at)`,
  },
  eventTypes: ['ListingPosted', 'ListingClosed', 'TakeReserved', 'TakeSettled', 'TakeReleased', 'TakePaidTitleStuck'],
  async apply(tx, events, tables) {
    const listings = tables.trading_listings;
    const takes = tables.trading_takes;
    /** Moves receipts of a listing to a new state and recounts what remains available. */
    const mark = async (listingId: string, numbers: readonly string[] | 'available', to: ReceiptOnListing['state']) => {
      const { rows } = await tx.query<{ receipts: ReceiptOnListing[] }>(`SELECT receipts FROM ${listings} WHERE listing_id = $1 FOR UPDATE`, [listingId]);
      if (!rows[0]) return;
      const chosen = numbers === 'available' ? null : new Set(numbers);
      const receipts = rows[0].receipts.map((receipt) =>
        (chosen ? chosen.has(receipt.receiptNumber) : receipt.state === 'available') ? { ...receipt, state: to } : receipt,
      );
      const remaining = receipts.filter((receipt) => receipt.state === 'available');
      await tx.query(`UPDATE ${listings} SET receipts = $2, remaining_receipts = $3, remaining_kg = $4 WHERE listing_id = $1`, [
        listingId,
        JSON.stringify(receipts),
        remaining.length,
        remaining.reduce((sum, receipt) => sum + receipt.weightKg, 0),
      ]);
    };
    for (const event of events) {
      switch (event.type) {
        case 'ListingPosted': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${listings} (listing_id, status, close_reason_code, seller_party_id, seller_account_number, commodity, warehouse, brand, grade, mode, min_take,
               quote, trading_day, closes_at, receipts, remaining_receipts, remaining_kg, posted_at)
             VALUES ($1, 'open', NULL, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
            [
              d.listingId,
              d.seller.partyId,
              d.seller.accountNumber,
              d.commodity,
              d.warehouse,
              d.brand,
              d.grade,
              d.mode,
              d.minTake,
              JSON.stringify(d.quote),
              d.tradingDay,
              d.closesAt,
              JSON.stringify(d.receipts.map((receipt) => ({ ...receipt, state: 'available' }))),
              d.receipts.length,
              d.receipts.reduce((sum, receipt) => sum + receipt.weightKg, 0),
              d.at,
            ],
          );
          break;
        }
        case 'ListingClosed':
          await mark(event.data.listingId, 'available', 'unsold');
          await tx.query(`UPDATE ${listings} SET status = 'closed', close_reason_code = $2 WHERE listing_id = $1`, [
            event.data.listingId,
            event.data.reasonCode,
          ]);
          break;
        case 'TakeReserved': {
          const d = event.data;
          await mark(
            d.listingId,
            d.receipts.map((receipt) => receipt.receiptNumber),
            'reserved',
          );
          await tx.query(
            `INSERT INTO ${takes} (take_id, listing_id, state, buyer_party_id, seller_party_id, commodity, trading_day, receipts, weight_kg, price_fen_per_tonne, proceeds_fen, reserved_at)
             SELECT $1, listing_id, 'reserved', $2, seller_party_id, commodity, trading_day, $3, $4, $5, $6, $7 FROM ${listings} WHERE listing_id = $8`,
            [d.takeId, d.buyer.partyId, JSON.stringify(d.receipts), d.weightKg, d.priceFenPerTonne, d.proceedsFen, d.at, d.listingId],
          );
          break;
        }
        case 'TakeSettled': {
          const { rows } = await tx.query<{ receipts: { receiptNumber: string }[] }>(
            `UPDATE ${takes} SET state = 'settled', resolved_at = $2 WHERE take_id = $1 RETURNING receipts`,
            [event.data.takeId, event.data.at],
          );
          await mark(
            event.data.listingId,
            (rows[0]?.receipts ?? []).map((receipt) => receipt.receiptNumber),
            'sold',
          );
          break;
        }
        case 'TakeReleased':
          await tx.query(`UPDATE ${takes} SET state = 'released', reason_code = $2, reason = $3, resolved_at = $4 WHERE take_id = $1`, [
            event.data.takeId,
            event.data.reasonCode,
            event.data.reason,
            event.data.at,
          ]);
          await mark(event.data.listingId, event.data.receiptNumbers, event.data.backOnListing ? 'available' : 'unsold');
          break;
        case 'TakePaidTitleStuck':
          await tx.query(`UPDATE ${takes} SET state = 'stuck', reason_code = $2, reason = $3, resolved_at = $4 WHERE take_id = $1`, [
            event.data.takeId,
            event.data.reasonCode,
            event.data.reason,
            event.data.at,
          ]);
          break;
      }
    }
  },
};
