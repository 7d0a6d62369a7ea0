import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

export class TakesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['reserved', 'settled', 'released', 'stuck'],
    description: 'only takes in this state; stuck: paid but the title could not move, for the exchange to settle by hand',
  })
  @IsOptional()
  @IsIn(['reserved', 'settled', 'released', 'stuck'])
  state?: 'reserved' | 'settled' | 'released' | 'stuck';

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-03-02', description: 'only takes of this trading day (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'tradingDay must be a date YYYY-MM-DD' })
  tradingDay?: string;
}
