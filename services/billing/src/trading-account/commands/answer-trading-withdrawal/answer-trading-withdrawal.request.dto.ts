import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { BankPaidOutRequestDto } from '../../../common/http/bank-paid-out.request.dto';

/** The depository bank paid a trading withdrawal out to the trader's bank settlement account. */
export class ConfirmTradingWithdrawalRequestDto extends BankPaidOutRequestDto {
  @ApiProperty({ type: String, maxLength: 64, example: 'SC-0001', description: 'the trading account number the withdrawal was listed under' })
  @IsString()
  @MaxLength(64)
  accountNumber!: string;
}

/** The depository bank could not pay it: the amount goes back to the balance. */
export class RefuseTradingWithdrawalRequestDto {
  @ApiProperty({ type: String, maxLength: 64, example: 'SC-0001', description: 'the trading account number the withdrawal was listed under' })
  @IsString()
  @MaxLength(64)
  accountNumber!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 500, example: 'payee account closed', description: 'why the bank refused it' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
