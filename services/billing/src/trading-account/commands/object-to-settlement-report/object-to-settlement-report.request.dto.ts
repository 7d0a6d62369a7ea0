import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** The trader's objection to a day's settlement data (第三十九条). */
export class ObjectToSettlementReportRequestDto {
  @ApiProperty({ type: String, minLength: 1, maxLength: 2000, example: 'the storage fee of R-1 was charged twice', description: 'what the trader disputes' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}
