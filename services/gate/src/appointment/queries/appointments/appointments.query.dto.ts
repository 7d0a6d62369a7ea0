import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

/** Appointments, optionally of one day, one gate, one status. */
export class AppointmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date', maxLength: 10, description: 'the day (YYYY-MM-DD, Shanghai); every day when left out' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  date?: string;

  @ApiPropertyOptional({ type: String, maxLength: 32, description: 'the gate' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  gate?: string;

  @ApiPropertyOptional({ enum: ['booked', 'arrived', 'no_show', 'closed'], description: 'the status' })
  @IsOptional()
  @IsIn(['booked', 'arrived', 'no_show', 'closed'])
  status?: string;
}
