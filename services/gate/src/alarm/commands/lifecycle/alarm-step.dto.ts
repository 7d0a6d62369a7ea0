import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** What was done about an alarm. */
export class HandleAlarmRequestDto {
  @ApiProperty({ type: String, maxLength: 1000, description: 'the handling note: what was done (required; the alarm is closed on it)' })
  @IsString()
  @MaxLength(1000)
  note!: string;
}

/** Closing an alarm, with an optional last word. */
export class CloseAlarmRequestDto {
  @ApiPropertyOptional({ type: String, maxLength: 1000, description: 'a closing note' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
