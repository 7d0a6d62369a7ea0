import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Database } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { ApiPageResponse, CursorCodec, pageOf, PageQueryDto, Roles, shanghaiDateRange } from '@dw/platform';
import { StocktakeItemResponseDto, StocktakeResponseDto } from './stocktakes.response.dto';

export class ListStocktakesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 40, example: 'WH-SH-01', description: 'warehouse' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  warehouse?: string;

  @ApiPropertyOptional({
    format: 'date',
    maxLength: 10,
    example: '2025-03-01',
    description: 'stocktakes started on or after this Asia/Shanghai date (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    maxLength: 10,
    example: '2025-03-31',
    description: 'stocktakes started on or before this Asia/Shanghai date (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;
}

type Row = Record<string, unknown>;
const variance = (r: Row) => ({
  varianceId: r.variance_id,
  kind: r.kind,
  reason: r.reason,
  barcode: r.barcode,
  lotId: r.lot_id,
  owner: r.owner,
  bookLocationId: r.book_location_id,
  countedLocationId: r.counted_location_id,
  bookKg: r.book_kg === null ? null : Number(r.book_kg),
  countedKg: r.counted_kg === null ? null : Number(r.counted_kg),
  delta: { pieces: Number(r.delta_pieces), kg: Number(r.delta_kg) },
  explanations: r.explanations,
});
const stocktake = (r: Row) => ({
  stocktakeId: r.stocktake_id,
  orderId: r.order_id,
  warehouse: r.warehouse,
  locationIds: r.location_ids,
  status: r.status,
  bookPieces: r.book_pieces,
  countedPieces: r.counted_pieces,
  variances: r.variances,
  startedAt: (r.started_at as Date).toISOString(),
  closedAt: r.closed_at instanceof Date ? r.closed_at.toISOString() : null,
});

/** Stocktakes with their variances and explanations, for staff. */
@Controller('stocktakes')
@Roles('operator', 'clerk', 'manager', 'ops')
export class StocktakesHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @ApiPageResponse(StocktakeItemResponseDto, 'stocktakes, oldest first')
  async list(@Query() query: ListStocktakesQueryDto) {
    const range = shanghaiDateRange(query.from, query.to);
    const after = query.cursor ? this.cursors.decode<{ p: string }>(query.cursor, 'stocktakes').p : null;
    const { rows } = await this.db.query<Row>(
      `SELECT * FROM stocktakes WHERE ($1::text IS NULL OR warehouse = $1) AND ($2::timestamptz IS NULL OR started_at >= $2) AND ($3::timestamptz IS NULL OR started_at < $3)
         AND ($4::bigint IS NULL OR position > $4) ORDER BY position LIMIT $5`,
      [query.warehouse ?? null, range.from, range.to, after, query.limit + 1],
    );
    return pageOf(rows, query.limit, stocktake, (r) => this.cursors.encode({ p: String(r.position) }, 'stocktakes'));
  }

  @Get(':stocktakeId')
  @ApiOkResponse({ type: StocktakeResponseDto, description: 'the stocktake with every variance and its explanations' })
  async get(@Param('stocktakeId') stocktakeId: string) {
    const { rows } = await this.db.query<Row>(`SELECT * FROM stocktakes WHERE stocktake_id = $1`, [stocktakeId]);
    if (rows.length === 0) throw refuse.notFound('STOCKTAKE_NOT_FOUND', `no stocktake ${stocktakeId}`, { stocktakeId });
    const variances = await this.db.query<Row>(`SELECT * FROM stocktake_variances WHERE stocktake_id = $1 ORDER BY variance_id`, [stocktakeId]);
    return { ...stocktake(rows[0]!), varianceList: variances.rows.map(variance) };
  }
}
