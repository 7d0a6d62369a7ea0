import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** A trader's withdrawal (出金), paid to its bank settlement account on record. */
export class RequestTradingWithdrawalRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 9007199254740991, example: 1000000, description: 'fen to withdraw, a whole number above 0' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen!: number;
}
