import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

/** Reconciliation breaks, optionally only the open or only the resolved ones. */
export class ReconciliationBreaksQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'resolved'], description: 'open: the alarms still to resolve; every one when left out' })
  @IsOptional()
  @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';
}
