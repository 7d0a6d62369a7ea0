import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Database } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { ApiPageResponse, CursorCodec, IntegrationApi, PageQueryDto, Roles, pageOf } from '@dw/platform';
import { MarketItemResponseDto } from './markets.response.dto';

interface MarketRow {
  commodity: string;
  tradable: boolean;
  tick_fen_per_tonne: string;
  sessions: { opens: string; closes: string }[];
  reference_contract: string;
  max_up_bp: number;
  max_down_bp: number;
  suspended: boolean;
  suspension_reason: string | null;
  last_change: string;
  last_reason: string | null;
  changed_by: string;
  changed_at: Date;
  version: number;
}

const toItem = (row: MarketRow): MarketItemResponseDto => ({
  commodity: row.commodity,
  tradable: row.tradable,
  tickFenPerTonne: Number(row.tick_fen_per_tonne),
  sessions: row.sessions,
  referenceContract: row.reference_contract,
  maxUpBasisPoints: row.max_up_bp,
  maxDownBasisPoints: row.max_down_bp,
  suspended: row.suspended,
  suspensionReason: row.suspension_reason,
  version: row.version,
  lastChange: row.last_change,
  lastReason: row.last_reason,
  changedBy: row.changed_by,
  changedAt: row.changed_at.toISOString(),
});

/** Reads of the markets read model (it follows the market streams within milliseconds; X-Min-Log-Position waits for a write). */
class MarketReads {
  constructor(
    private readonly db: Database,
    private readonly cursors: CursorCodec,
  ) {}

  async list(query: PageQueryDto) {
    const after = query.cursor ? this.cursors.decode<{ after: string }>(query.cursor, 'markets').after : '';
    const { rows } = await this.db.query<MarketRow>(`SELECT * FROM markets WHERE commodity > $1 ORDER BY commodity LIMIT $2`, [after, query.limit + 1]);
    return pageOf(rows, query.limit, toItem, (row) => this.cursors.encode({ after: row.commodity }, 'markets'));
  }

  async one(commodity: string): Promise<MarketItemResponseDto> {
    const { rows } = await this.db.query<MarketRow>(`SELECT * FROM markets WHERE commodity = $1`, [commodity]);
    if (!rows[0]) throw refuse.notFound('MARKET_NOT_FOUND', `the exchange has not set up a market for ${commodity}`, { commodity });
    return toItem(rows[0]);
  }
}

/**
 * The two routes over the markets read model, the same for every reader; each controller below
 * only says who reads them and where (Nest serves inherited route handlers).
 */
abstract class MarketsReadRoutes {
  private readonly reads: MarketReads;

  constructor(@Inject(Database) db: Database, @Inject(CursorCodec) cursors: CursorCodec) {
    this.reads = new MarketReads(db, cursors);
  }

  @Get()
  @ApiPageResponse(MarketItemResponseDto, 'markets, by commodity')
  list(@Query() query: PageQueryDto) {
    return this.reads.list(query);
  }

  @Get(':commodity')
  @ApiOkResponse({ type: MarketItemResponseDto, description: 'one commodity’s market with its last change' })
  one(@Param('commodity') commodity: string) {
    return this.reads.one(commodity);
  }
}

/** Traders (depositors) and staff read each commodity's market: whether it trades, its tick, hours, reference contract and band. */
@Controller('trading/markets')
@Roles('depositor', 'clerk', 'manager')
export class MarketsHttpController extends MarketsReadRoutes {}

/** The exchange reads the markets it set through its signed API. */
@Controller('integration/exchange/markets')
@IntegrationApi()
@Roles('exchange')
export class ExchangeMarketsHttpController extends MarketsReadRoutes {}
