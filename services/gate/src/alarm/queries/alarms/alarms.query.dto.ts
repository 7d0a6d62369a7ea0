import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@dw/platform';
import { ALARM_GRADES, ALARM_KINDS } from '../../domain/alarm-thresholds';

/** Alarms, optionally only the open (not closed) ones, of one grade, of one kind. */
export class AlarmsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'closed'], description: 'open: alerted, acknowledged or handled; closed: done' })
  @IsOptional()
  @IsIn(['open', 'closed'])
  state?: 'open' | 'closed';

  @ApiPropertyOptional({ enum: ALARM_GRADES, description: 'one grade' })
  @IsOptional()
  @IsIn(ALARM_GRADES)
  grade?: string;

  @ApiPropertyOptional({ enum: ALARM_KINDS, description: 'one kind' })
  @IsOptional()
  @IsIn(ALARM_KINDS)
  kind?: string;
}
