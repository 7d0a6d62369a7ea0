import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export class ExpirySweepRequestDto {
  /** The Shanghai date to sweep as of; today by default, never later. */
  @ApiPropertyOptional({
    format: 'date',
    example: '2025-06-30',
    description:
      'the Asia/Shanghai date (YYYY-MM-DD) to sweep as of: outstanding receipts whose validity ended before it are flagged expired; today when left out, never later (422 EXPIRY_AS_OF_IN_FUTURE)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;
}
