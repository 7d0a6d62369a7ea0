import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

/** The filters every stock list takes: commodity, owner, location, warehouse and a date range. */
export class StockFilterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'standard commodity code' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  commodity?: string;

  @ApiPropertyOptional({ description: 'storage card' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  owner?: string;

  @ApiPropertyOptional({ description: 'location id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  location?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  warehouse?: string;

  @ApiPropertyOptional({ description: 'on or after this Asia/Shanghai date (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({ description: 'on or before this Asia/Shanghai date (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  lot?: string;
}
