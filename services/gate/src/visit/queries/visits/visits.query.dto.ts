import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

/** Entries and refusals, optionally of one day or one outcome. */
export class VisitsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date', maxLength: 10, description: 'the day (YYYY-MM-DD, Shanghai); every day when left out' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  date?: string;

  @ApiPropertyOptional({ enum: ['admitted', 'refused'], description: 'only entries or only refusals' })
  @IsOptional()
  @IsIn(['admitted', 'refused'])
  outcome?: string;
}
