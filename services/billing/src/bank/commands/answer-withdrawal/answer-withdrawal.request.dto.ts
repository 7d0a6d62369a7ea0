import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { BankPaidOutRequestDto } from '../../../common/http/bank-paid-out.request.dto';

/** The bank paid the withdrawal out. */
export class ConfirmWithdrawalRequestDto extends BankPaidOutRequestDto {}

/** The bank refused the withdrawal: nothing left the account. */
export class RefuseWithdrawalRequestDto {
  @ApiProperty({ type: String, maxLength: 500, example: 'payee account closed', description: 'why the bank refused it' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
