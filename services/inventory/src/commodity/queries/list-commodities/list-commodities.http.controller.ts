import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CursorCodec, pageOf, PageQueryDto } from '@dw/platform';
import { NamedCommodityResponseDto } from '../../standard-commodity.response.dto';
import { ClientAliasItemResponseDto } from './list-commodities.response.dto';

export class ListCommoditiesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 100, example: '螺纹钢', description: 'product (品名), exactly as registered' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  product?: string;

  @ApiPropertyOptional({ maxLength: 100, example: '沙钢', description: 'brand (品牌), exactly as registered' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  brand?: string;
}

export class ListAliasesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 64, example: 'SC000042', description: 'one client’s alias table (a storage card or party id)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  client?: string;
}

/** The standard commodities (by code) and the client alias tables, for everyone who names goods. */
@Controller('commodities')
export class ListCommoditiesHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @ApiPageResponse(NamedCommodityResponseDto, 'standard commodities, by code')
  async list(@Query() query: ListCommoditiesQueryDto) {
    const after = query.cursor ? this.cursors.decode<{ code: string }>(query.cursor, 'commodities').code : null;
    const { rows } = await this.db.query<Record<string, string>>(
      `SELECT code, product, specification, model, material, brand, grade, standard_name FROM commodities
        WHERE ($1::text IS NULL OR product = $1) AND ($2::text IS NULL OR brand = $2) AND ($3::text IS NULL OR code > $3)
        ORDER BY code LIMIT $4`,
      [query.product ?? null, query.brand ?? null, after, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (r) => ({
        code: r.code,
        product: r.product,
        specification: r.specification,
        model: r.model,
        material: r.material,
        brand: r.brand,
        grade: r.grade,
        standardName: r.standard_name,
      }),
      (r) => this.cursors.encode({ code: r.code }, 'commodities'),
    );
  }

  @Get('aliases')
  @ApiPageResponse(ClientAliasItemResponseDto, 'client aliases, by client then alias')
  async aliases(@Query() query: ListAliasesQueryDto) {
    const after = query.cursor ? this.cursors.decode<{ c: string; a: string }>(query.cursor, 'aliases') : null;
    const { rows } = await this.db.query<Record<string, string>>(
      `SELECT client, normalised_alias, alias, code FROM commodity_aliases
        WHERE ($1::text IS NULL OR client = $1) AND ($2::text IS NULL OR (client, normalised_alias) > ($2, $3))
        ORDER BY client, normalised_alias LIMIT $4`,
      [query.client ?? null, after?.c ?? null, after?.a ?? '', query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (r) => ({ client: r.client, alias: r.alias, code: r.code }),
      (r) => this.cursors.encode({ c: r.client, a: r.normalised_alias }, 'aliases'),
    );
  }
}
