import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@dw/platform';
import { TradingDayQueryDto } from '../../../common/trading-day.query.dto';

export class ListingsQueryDto extends IntersectionType(PageQueryDto, TradingDayQueryDto) {
  @ApiPropertyOptional({ enum: ['open', 'closed'], description: 'only open (offered now) or closed listings' })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}
