import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

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
