import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

/** The day whose rates are asked for; today in Shanghai when left out. */
export class InForceQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-10-08', description: 'the Asia/Shanghai date (YYYY-MM-DD); today when left out' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'on must be a date YYYY-MM-DD' })
  on?: string;
}
