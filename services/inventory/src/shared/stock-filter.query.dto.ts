import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

/** What dates each stock list: `from` and `to` are Asia/Shanghai days of it. */
const DATED_BY = 'GET /stock: the lot booked into stock; /stock/pieces: the piece scanned; /stock/movements: the movement; GET /lots: the lot opened';

/** The filters every stock list takes: commodity, owner, location, warehouse and a date range. */
export class StockFilterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 40, example: 'rb-400e-20-sg', description: 'standard commodity code' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  commodity?: string;

  @ApiPropertyOptional({
    maxLength: 40,
    example: 'SC000042',
    description: 'storage card owning the goods; a depositor may name only its own (another: 404 CARD_NOT_FOUND) and sees only its own cards’ goods',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  owner?: string;

  @ApiPropertyOptional({
    maxLength: 100,
    example: 'SHED1-R01-S01',
    description: 'location id: lots and pieces with goods lying there, movements recorded at it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  location?: string;

  @ApiPropertyOptional({ maxLength: 40, example: 'WH-SH-01', description: 'warehouse' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  warehouse?: string;

  @ApiPropertyOptional({ format: 'date', maxLength: 10, example: '2025-03-01', description: `on or after this Asia/Shanghai date (YYYY-MM-DD); ${DATED_BY}` })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({ format: 'date', maxLength: 10, example: '2025-03-31', description: `on or before this Asia/Shanghai date (YYYY-MM-DD); ${DATED_BY}` })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'lot-0190f6a2-7c1e-7d4b-9a55-3f1c2b8e4d10', description: 'lot id (lot-<inbound order id>)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lot?: string;
}
