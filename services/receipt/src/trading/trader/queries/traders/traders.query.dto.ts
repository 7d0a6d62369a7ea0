import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

const STATUSES = ['applied', 'approved', 'rejected', 'suspended', 'closed'];

export class TradersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, description: 'only traders in this status (applied: the exchange’s queue)' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;
}
