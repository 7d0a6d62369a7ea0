import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { COLLECTED_FEE_KINDS, type CollectedFeeKind } from '../../domain/trading-account.events';

/** A fee the exchange collects from a trader for the warehouse at a day's close (第四十一条). */
export class RecordCollectedFeeRequestDto {
  @ApiProperty({ type: String, example: 'storage:R-1:2026-12-07', description: 'the fee’s id: recorded once by it' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}$/, { message: 'feeId must be 1-128 letters, digits, ":", ".", "_" or "-"' })
  feeId!: string;

  @ApiProperty({ enum: COLLECTED_FEE_KINDS, description: 'storage (仓储费), transfer (过户费) or other (其他费用)' })
  @IsIn(COLLECTED_FEE_KINDS)
  kind!: CollectedFeeKind;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 9007199254740991, example: 5000, description: 'fen payable, above 0' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen!: number;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-07', description: 'the trading day it is payable on (its settlement deducts it)' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'tradingDay must be a date YYYY-MM-DD' })
  tradingDay!: string;
}
