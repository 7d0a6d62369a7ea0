import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Database } from '@dw/event-store';
import { localDate, refuse } from '@dw/kernel';
import { ApiPageResponse, CursorCodec, IntegrationApi, pageOf, Roles } from '@dw/platform';
import { CurrentCaller, type Caller } from '../../../../common/http/caller';
import { TakeResponseDto } from '../../commands/take-listing/take-listing.response.dto';
import { TakesQueryDto } from './takes.query.dto';

interface TakeRow {
  take_id: string;
  listing_id: string;
  state: TakeResponseDto['state'];
  reason_code: string | null;
  reason: string | null;
  buyer_party_id: string;
  seller_party_id: string;
  commodity: string;
  trading_day: string;
  receipts: TakeResponseDto['receipts'];
  weight_kg: string;
  price_fen_per_tonne: string;
  proceeds_fen: string;
  reserved_at: Date;
  resolved_at: Date | null;
}

const takeNotFound = () => refuse.notFound('TAKE_NOT_FOUND', 'no such take');

const TAKE_COLUMNS = `take_id, listing_id, state, reason_code, reason, buyer_party_id, seller_party_id, commodity, trading_day::text AS trading_day, receipts,
  weight_kg, price_fen_per_tonne, proceeds_fen, reserved_at, resolved_at`;

function takeOfRow(row: TakeRow): TakeResponseDto {
  return {
    takeId: row.take_id,
    listingId: row.listing_id,
    state: row.state,
    reasonCode: row.reason_code,
    reason: row.reason,
    buyerPartyId: row.buyer_party_id,
    sellerPartyId: row.seller_party_id,
    commodity: row.commodity,
    tradingDay: row.trading_day,
    receipts: row.receipts,
    weightKg: Number(row.weight_kg),
    priceFenPerTonne: Number(row.price_fen_per_tonne),
    proceedsFen: Number(row.proceeds_fen),
    reservedAt: row.reserved_at.toISOString(),
    resolvedAt: row.resolved_at ? row.resolved_at.toISOString() : null,
  };
}

/** Takes in the order they were reserved, by state and day: the exchange and warehouse staff follow stuck takes here. */
async function listTakes(db: Database, cursors: CursorCodec, query: TakesQueryDto) {
  const day = query.tradingDay === undefined ? null : localDate(query.tradingDay, 'tradingDay');
  const after = query.cursor ? cursors.decode<{ at: string; id: string }>(query.cursor, 'trading-takes') : { at: '-infinity', id: '' };
  const { rows } = await db.query<TakeRow>(
    `SELECT ${TAKE_COLUMNS} FROM trading_takes
      WHERE ($1::text IS NULL OR state = $1) AND ($2::date IS NULL OR trading_day = $2) AND (reserved_at, take_id) > ($3::timestamptz, $4)
      ORDER BY reserved_at, take_id LIMIT $5`,
    [query.state ?? null, day, after.at, after.id, query.limit + 1],
  );
  return pageOf(rows, query.limit, takeOfRow, (row) => cursors.encode({ at: row.reserved_at.toISOString(), id: row.take_id }, 'trading-takes'));
}

/**
 * A take as its buyer or seller follows it: reserved, settled, released (with billing's reason) or
 * stuck. Another trader's take answers as a missing one; warehouse staff see every take.
 */
@Controller('trading/takes')
export class TakesHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @Roles('manager', 'ops')
  @ApiPageResponse(TakeResponseDto, 'takes in the order they were reserved (state, tradingDay)')
  list(@Query() query: TakesQueryDto) {
    return listTakes(this.db, this.cursors, query);
  }

  @Get(':takeId')
  @Roles('depositor', 'manager', 'ops')
  @ApiOkResponse({ type: TakeResponseDto, description: 'the take and where it stands' })
  async one(@Param('takeId') takeId: string, @CurrentCaller() caller: Caller): Promise<TakeResponseDto> {
    const { rows } = await this.db.query<TakeRow>(`SELECT ${TAKE_COLUMNS} FROM trading_takes WHERE take_id = $1`, [takeId]);
    const row = rows[0];
    if (!row) throw takeNotFound();
    const staff = caller.principal.roles.some((role) => role === 'manager' || role === 'ops');
    const party = caller.principal.partyId;
    if (!staff && party !== row.buyer_party_id && party !== row.seller_party_id) throw takeNotFound();
    return takeOfRow(row);
  }
}

/** The exchange follows takes, stuck ones above all (paid, title not moved: its own to settle by hand). */
@Controller('integration/exchange/trading/takes')
@IntegrationApi()
@Roles('exchange')
export class ExchangeTakesHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CursorCodec) private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @ApiPageResponse(TakeResponseDto, 'takes in the order they were reserved (state, tradingDay)')
  list(@Query() query: TakesQueryDto) {
    return listTakes(this.db, this.cursors, query);
  }
}
