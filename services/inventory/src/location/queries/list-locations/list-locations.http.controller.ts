import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Database } from '@dw/event-store';
import { ApiPageResponse, CursorCodec, pageOf, PageQueryDto, Roles } from '@dw/platform';
import { AREA_KINDS, type AreaKind } from '../../domain/location.commands';
import { LocationItemResponseDto } from './list-locations.response.dto';

export class ListLocationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 40, example: 'WH-SH-01', description: 'warehouse' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  warehouse?: string;

  @ApiPropertyOptional({ enum: AREA_KINDS, description: 'yard (open) or shed (covered)' })
  @IsOptional()
  @IsIn(AREA_KINDS)
  areaKind?: AreaKind;

  @ApiPropertyOptional({ maxLength: 40, example: 'SHED1', description: 'the yard or shed, by its name' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  areaName?: string;
}

interface LocationRow {
  location_id: string;
  warehouse: string;
  area_kind: string;
  area_name: string;
  row_name: string;
  slot: string;
  capacity_kg: string | null;
  capacity_pieces: number | null;
  used_kg: string;
  used_pieces: number;
}

/** Locations with capacity and use (kg and pieces), for staff planning put-aways and moves. */
@Controller('locations')
export class ListLocationsHttpController {
  constructor(
    @Inject(Database) private readonly db: Database,
    private readonly cursors: CursorCodec,
  ) {}

  @Get()
  @Roles('operator', 'clerk', 'manager', 'ops')
  @ApiPageResponse(LocationItemResponseDto, 'locations, by location id')
  async list(@Query() query: ListLocationsQueryDto) {
    const after = query.cursor ? this.cursors.decode<{ id: string }>(query.cursor, 'locations').id : null;
    const { rows } = await this.db.query<LocationRow>(
      `SELECT * FROM locations
        WHERE ($1::text IS NULL OR warehouse = $1) AND ($2::text IS NULL OR area_kind = $2) AND ($3::text IS NULL OR area_name = $3)
          AND ($4::text IS NULL OR location_id > $4)
        ORDER BY location_id LIMIT $5`,
      [query.warehouse ?? null, query.areaKind ?? null, query.areaName ?? null, after, query.limit + 1],
    );
    return pageOf(
      rows,
      query.limit,
      (r) => ({
        locationId: r.location_id,
        warehouse: r.warehouse,
        area: { kind: r.area_kind, name: r.area_name },
        row: r.row_name,
        slot: r.slot,
        capacityKg: r.capacity_kg === null ? null : Number(r.capacity_kg),
        capacityPieces: r.capacity_pieces,
        usedKg: Number(r.used_kg),
        usedPieces: r.used_pieces,
      }),
      (r) => this.cursors.encode({ id: r.location_id }, 'locations'),
    );
  }
}
