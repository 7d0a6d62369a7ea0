import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Why the exchange freezes, or lifts the freeze of, a trader's withdrawals. */
export class FreezeWithdrawalsRequestDto {
  @ApiProperty({ type: String, minLength: 1, maxLength: 500, example: '涉嫌重大违规，经交易所立案调查', description: 'the reason (第三十七条)' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
