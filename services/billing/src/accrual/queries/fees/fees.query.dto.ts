import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

/** Which fees to list: one party's (a depositor always its own), one receipt's, charged within a date range. */
export class FeesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 64, description: 'the party charged; staff only (a depositor sees its own fees whatever it asks)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  partyId?: string;

  @ApiPropertyOptional({ type: String, maxLength: 64, description: 'only the fees on this receipt' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  receiptNumber?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2026-11-01',
    description: 'only fees charged on or after this Asia/Shanghai date (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2026-11-30',
    description: 'only fees charged on or before this Asia/Shanghai date (YYYY-MM-DD)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}
