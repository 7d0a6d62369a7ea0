import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Database } from '@dw/event-store';
import { type Clock, localDate, shanghaiDateOf } from '@dw/kernel';
import { ApiPageResponse, CLOCK, CursorCodec, pageOf, Roles } from '@dw/platform';
import { listingNotFound } from '../../domain/listing.decider';
import { ListingResponseDto } from '../../listing.response.dto';
import { LISTING_COLUMNS, listingOfRow, type ListingRow } from './listing-rows';
import { ListingsQueryDto } from './listings.query.dto';

/**
 * A trading day's listings (当日挂牌信息, 标准仓单交易管理办法 第二十四条), open and closed, with where
 * each receipt stands: every trader sees the market's offers; warehouse staff follow them too.
 */
@Controller('trading/listings')
export class ListingsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('depositor', 'manager', 'ops')
  @ApiPageResponse(ListingResponseDto, 'the day’s listings, oldest first')
  async list(@Query() query: ListingsQueryDto) {
    const day = query.tradingDay === undefined ? shanghaiDateOf(this.clock.now()) : localDate(query.tradingDay, 'tradingDay');
    const after = query.cursor ? this.cursors.decode<{ at: string; id: string }>(query.cursor, 'trading-listings') : { at: '-infinity', id: '' };
    const { rows } = await this.db.query<ListingRow>(
      `SELECT ${LISTING_COLUMNS} FROM trading_listings
        WHERE trading_day = $1 AND ($2::text IS NULL OR commodity = $2) AND ($3::text IS NULL OR status = $3) AND (posted_at, listing_id) > ($4::timestamptz, $5)
        ORDER BY posted_at, listing_id LIMIT $6`,
      [day, query.commodity ?? null, query.status ?? null, after.at, after.id, query.limit + 1],
    );
    return pageOf(rows, query.limit, listingOfRow, (row) => this.cursors.encode({ at: row.posted_at.toISOString(), id: row.listing_id }, 'trading-listings'));
  }

  @Get(':listingId')
  @Roles('depositor', 'manager', 'ops')
  @ApiOkResponse({ type: ListingResponseDto, description: 'the listing with where each of its receipts stands' })
  async one(@Param('listingId') listingId: string): Promise<ListingResponseDto> {
    const { rows } = await this.db.query<ListingRow>(`SELECT ${LISTING_COLUMNS} FROM trading_listings WHERE listing_id = $1`, [listingId]);
    if (!rows[0]) throw listingNotFound();
    return listingOfRow(rows[0]);
  }
}
