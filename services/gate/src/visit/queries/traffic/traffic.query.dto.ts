import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@dw/platform';

/** A period of days, both ends included (Shanghai). */
export class TrafficQueryDto extends PageQueryDto {
  @ApiProperty({ type: String, format: 'date', maxLength: 10, description: 'the first day, YYYY-MM-DD' })
  @IsString()
  @MaxLength(10)
  from!: string;

  @ApiProperty({ type: String, format: 'date', maxLength: 10, description: 'the last day, YYYY-MM-DD (at most 366 days after from)' })
  @IsString()
  @MaxLength(10)
  to!: string;
}
