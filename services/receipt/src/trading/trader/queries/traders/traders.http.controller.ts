import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Database, EventStore, loadAggregate } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { ApiPageResponse, CurrentPrincipal, CursorCodec, IntegrationApi, Roles, assertOwnParty, pageOf, setETag, type Principal } from '@dw/platform';
import type { TraderBankAccount } from '../../domain/trader';
import { traderDecider } from '../../domain/trader.decider';
import { traderStream } from '../../trader.stream';
import { TradersQueryDto } from './traders.query.dto';
import { TraderItemResponseDto, TraderResponseDto } from './traders.response.dto';

interface TraderRow {
  party_id: string;
  account_number: string;
  name: string;
  commodities: string[];
  bank_account: TraderBankAccount;
  status: string;
  closure_requested: boolean;
  last_reason: string | null;
  applied_at: Date;
  updated_at: Date;
  version: number;
}

const toItem = (row: TraderRow): TraderItemResponseDto => ({
  partyId: row.party_id,
  accountNumber: row.account_number,
  name: row.name,
  commodities: row.commodities,
  bankAccount: row.bank_account,
  status: row.status,
  closureRequested: row.closure_requested,
  version: row.version,
  lastReason: row.last_reason,
  appliedAt: row.applied_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const missing = (partyId: string) => () => refuse.notFound('TRADER_NOT_FOUND', `no trader ${partyId}`, { partyId });

/** The list from the traders read model; one trader from its stream, current to its last event. */
class TraderReads {
  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
    private readonly cursors: CursorCodec,
  ) {}

  async list(query: TradersQueryDto) {
    const after = query.cursor ? this.cursors.decode<{ after: string }>(query.cursor, 'traders').after : '';
    const { rows } = await this.db.query<TraderRow>(
      `SELECT * FROM traders WHERE party_id > $1 AND ($2::text IS NULL OR status = $2) ORDER BY party_id LIMIT $3`,
      [after, query.status ?? null, query.limit + 1],
    );
    return pageOf(rows, query.limit, toItem, (row) => this.cursors.encode({ after: row.party_id }, 'traders'));
  }

  async one(partyId: string, principal: Principal | null, response: ServerResponse): Promise<TraderResponseDto> {
    const { state, version } = await this.store.transaction((tx) => loadAggregate(tx, traderStream(partyId).streamId, traderDecider));
    if (!state) throw missing(partyId)();
    if (principal) assertOwnParty(principal, state.partyId, missing(partyId));
    setETag(response, version);
    return { ...state, commodities: [...state.commodities], version };
  }
}

/** Managers list the traders; a trader reads its own record (another party's answers as a missing one), a manager any. */
@Controller('trading/traders')
export class TradersHttpController {
  private readonly reads: TraderReads;

  constructor(@Inject(Database) db: Database, @Inject(EventStore) store: EventStore, @Inject(CursorCodec) cursors: CursorCodec) {
    this.reads = new TraderReads(db, store, cursors);
  }

  @Get()
  @Roles('manager')
  @ApiPageResponse(TraderItemResponseDto, 'traders, by party id')
  list(@Query() query: TradersQueryDto) {
    return this.reads.list(query);
  }

  @Get(':partyId')
  @Roles('depositor', 'manager')
  @ApiOkResponse({ type: TraderResponseDto, description: 'the trader as its stream has it now; its version is the ETag' })
  one(@Param('partyId') partyId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: ServerResponse) {
    return this.reads.one(partyId, principal, response);
  }
}

/** The exchange reads the traders it decides on through its signed API. */
@Controller('integration/exchange/traders')
@IntegrationApi()
@Roles('exchange')
export class ExchangeTradersHttpController {
  private readonly reads: TraderReads;

  constructor(@Inject(Database) db: Database, @Inject(EventStore) store: EventStore, @Inject(CursorCodec) cursors: CursorCodec) {
    this.reads = new TraderReads(db, store, cursors);
  }

  @Get()
  @ApiPageResponse(TraderItemResponseDto, 'traders, by party id (status=applied: the queue to decide)')
  list(@Query() query: TradersQueryDto) {
    return this.reads.list(query);
  }

  @Get(':partyId')
  @ApiOkResponse({ type: TraderResponseDto, description: 'the trader as its stream has it now; its version is the ETag' })
  one(@Param('partyId') partyId: string, @Res({ passthrough: true }) response: ServerResponse) {
    return this.reads.one(partyId, null, response);
  }
}
