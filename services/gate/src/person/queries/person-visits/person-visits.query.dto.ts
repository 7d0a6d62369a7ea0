import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

/** Visitors' visits, optionally of one day, optionally only those on site (or not). */
export class PersonVisitsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date', maxLength: 10, description: 'the day of the visit (YYYY-MM-DD, Shanghai); every day when left out' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  date?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only visitors in now (let in, not left); false: only the others; all when left out' })
  @IsOptional()
  @IsIn(['true', 'false'])
  onSite?: 'true' | 'false';
}
