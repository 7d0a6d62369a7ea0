import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class DailyReceiptReportQueryDto {
  /** The Shanghai business day reported on. */
  @ApiProperty({ format: 'date', example: '2025-03-04', description: 'the Asia/Shanghai business day reported on (YYYY-MM-DD)' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'rebar', description: 'only this commodity’s rows (its standard code)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  commodity?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'WH-SH-01', description: 'only this warehouse’s rows' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  warehouseId?: string;
}
