import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@dw/event-store';
import { type Clock, type LocalDate, localDate, shanghaiDateOf } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import type { MarketOffersResponseDto, MarketQuotesResponseDto, MarketTradesResponseDto } from './market-info.response.dto';
import type { TradingDayQueryDto } from '../../common/trading-day.query.dto';

const num = (value: string | null): number | null => (value === null ? null : Number(value));

/** The market information over its read model, for traders and for the exchange alike. */
@Injectable()
export class MarketInfoReader {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private dayOf(query: TradingDayQueryDto): LocalDate {
    return query.tradingDay === undefined ? shanghaiDateOf(this.clock.now()) : localDate(query.tradingDay, 'tradingDay');
  }

  /**
   * Per commodity: the latest price (the day's last trade in log order), the previous close (the
   * last trade of the latest earlier trading day with a trade; a day without trades has no close
   * and is looked past), the change between them, high, low, volume and amount.
   */
  async quotes(query: TradingDayQueryDto): Promise<MarketQuotesResponseDto> {
    // rule TRADE-MARKET-INFO
    const day = this.dayOf(query);
    const { rows } = await this.db.query<{
      commodity: string;
      latest: string | null;
      previous: string | null;
      high: string | null;
      low: string | null;
      receipts: string;
      kg: string;
      amount: string;
      trades: string;
    }>(
      `WITH commodities AS (
         SELECT commodity FROM market_offers WHERE trading_day = $1 UNION SELECT commodity FROM market_takes WHERE trading_day = $1 AND state = 'settled'
       ), today AS (
         SELECT * FROM market_takes WHERE trading_day = $1 AND state = 'settled'
       )
       SELECT c.commodity,
              (SELECT price_fen_per_tonne FROM today t WHERE t.commodity = c.commodity ORDER BY seq DESC LIMIT 1) AS latest,
              (SELECT price_fen_per_tonne FROM market_takes p WHERE p.commodity = c.commodity AND p.state = 'settled' AND p.trading_day < $1
                ORDER BY p.trading_day DESC, p.seq DESC LIMIT 1) AS previous,
              (SELECT max(price_fen_per_tonne) FROM today t WHERE t.commodity = c.commodity) AS high,
              (SELECT min(price_fen_per_tonne) FROM today t WHERE t.commodity = c.commodity) AS low,
              (SELECT coalesce(sum(receipts), 0) FROM today t WHERE t.commodity = c.commodity) AS receipts,
              (SELECT coalesce(sum(weight_kg), 0) FROM today t WHERE t.commodity = c.commodity) AS kg,
              (SELECT coalesce(sum(amount_fen), 0) FROM today t WHERE t.commodity = c.commodity) AS amount,
              (SELECT count(*) FROM today t WHERE t.commodity = c.commodity) AS trades
         FROM commodities c WHERE ($2::text IS NULL OR c.commodity = $2) ORDER BY c.commodity`,
      [day, query.commodity ?? null],
    );
    return {
      tradingDay: day,
      commodities: rows.map((row) => {
        const latest = num(row.latest);
        const previous = num(row.previous);
        return {
          commodity: row.commodity,
          tradingDay: day,
          latestPriceFenPerTonne: latest,
          previousCloseFenPerTonne: previous,
          changeFenPerTonne: latest !== null && previous !== null ? latest - previous : null,
          highFenPerTonne: num(row.high),
          lowFenPerTonne: num(row.low),
          volumeReceipts: Number(row.receipts),
          volumeKg: Number(row.kg),
          amountFen: Number(row.amount),
          trades: Number(row.trades),
        };
      }),
    };
  }

  async offers(query: TradingDayQueryDto): Promise<MarketOffersResponseDto> {
    const day = this.dayOf(query);
    const { rows } = await this.db.query<{
      listing_id: string;
      commodity: string;
      warehouse: string;
      brand: string;
      grade: string;
      mode: 'whole' | 'partial';
      min_take: number | null;
      price_fen_per_tonne: string;
      remaining_receipts: number;
      remaining_kg: string;
    }>(
      `SELECT listing_id, commodity, warehouse, brand, grade, mode, min_take, price_fen_per_tonne, remaining_receipts, remaining_kg FROM market_offers
        WHERE trading_day = $1 AND status = 'open' AND remaining_receipts > 0 AND ($2::text IS NULL OR commodity = $2)
        ORDER BY commodity, price_fen_per_tonne, posted_at, listing_id LIMIT 1000`,
      [day, query.commodity ?? null],
    );
    return {
      tradingDay: day,
      offers: rows.map((row) => ({
        listingId: row.listing_id,
        commodity: row.commodity,
        warehouse: row.warehouse,
        brand: row.brand,
        grade: row.grade,
        mode: row.mode,
        minTake: row.min_take,
        priceFenPerTonne: Number(row.price_fen_per_tonne),
        remainingReceipts: row.remaining_receipts,
        remainingKg: Number(row.remaining_kg),
      })),
    };
  }

  async trades(query: TradingDayQueryDto): Promise<MarketTradesResponseDto> {
    const day = this.dayOf(query);
    const { rows } = await this.db.query<{
      take_id: string;
      listing_id: string;
      commodity: string;
      price_fen_per_tonne: string;
      receipts: number;
      weight_kg: string;
      amount_fen: string;
      settled_at: Date;
    }>(
      `SELECT take_id, listing_id, commodity, price_fen_per_tonne, receipts, weight_kg, amount_fen, settled_at FROM market_takes
        WHERE trading_day = $1 AND state = 'settled' AND ($2::text IS NULL OR commodity = $2) ORDER BY seq LIMIT 1000`,
      [day, query.commodity ?? null],
    );
    return {
      tradingDay: day,
      trades: rows.map((row) => ({
        takeId: row.take_id,
        listingId: row.listing_id,
        commodity: row.commodity,
        priceFenPerTonne: Number(row.price_fen_per_tonne),
        receipts: row.receipts,
        weightKg: Number(row.weight_kg),
        amountFen: Number(row.amount_fen),
        settledAt: row.settled_at.toISOString(),
      })),
    };
  }
}
