import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CursorCodec, pageOf, PageQueryDto, Roles, shanghaiDateRange } from '@dw/platform';
import { OperationRefusalItemResponseDto } from './operation-refusals.response.dto';

export class ListOperationRefusalsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 60, example: 'NO_AUTHORISING_ORDER', description: 'the error code the operation was refused with' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  code?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'the work order the refused operation named' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  orderId?: string;

  @ApiPropertyOptional({ maxLength: 40, example: 'SC000042', description: 'storage card of the goods concerned' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  owner?: string;

  @ApiPropertyOptional({ maxLength: 40, example: 'WH-SH-01', description: 'warehouse' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  warehouse?: string;

  @ApiPropertyOptional({ format: 'date', maxLength: 10, example: '2025-03-01', description: 'refused on or after this Asia/Shanghai date (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({ format: 'date', maxLength: 10, example: '2025-03-31', description: 'refused on or before this Asia/Shanghai date (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;
}

/** Refused operations, newest last, for the managers and ops who follow up on them. */
@Controller('operation-refusals')
export class OperationRefusalsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @Roles('manager', 'ops')
  @ApiPageResponse(OperationRefusalItemResponseDto, 'refused operations, oldest first')
  async list(@Query() query: ListOperationRefusalsQueryDto) {
    const range = shanghaiDateRange(query.from, query.to);
    const after = query.cursor ? this.cursors.decode<{ p: string }>(query.cursor, 'refusals').p : null;
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT * FROM operation_refusals
        WHERE ($1::text IS NULL OR code = $1) AND ($2::text IS NULL OR order_id = $2) AND ($3::text IS NULL OR owner = $3) AND ($4::text IS NULL OR warehouse = $4)
          AND ($5::timestamptz IS NULL OR at >= $5) AND ($6::timestamptz IS NULL OR at < $6) AND ($7::bigint IS NULL OR position > $7)
        ORDER BY position LIMIT $8`,
      [query.code ?? null, query.orderId ?? null, query.owner ?? null, query.warehouse ?? null, range.from, range.to, after, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (r) => ({
        refusalId: r.refusal_id,
        operation: r.operation,
        code: r.code,
        message: r.message,
        details: r.details,
        orderId: r.order_id,
        warehouse: r.warehouse,
        owner: r.owner,
        subject: r.subject,
        actor: r.actor,
        at: (r.at as Date).toISOString(),
      }),
      (r) => this.cursors.encode({ p: String(r.position) }, 'refusals'),
    );
  }
}
