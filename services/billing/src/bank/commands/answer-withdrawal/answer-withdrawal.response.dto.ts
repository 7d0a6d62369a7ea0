import { ApiProperty } from '@nestjs/swagger';

/** A withdrawal as the bank answered it. */
export class WithdrawalAnswerResponseDto {
  @ApiProperty({ type: String, description: 'the withdrawal' })
  withdrawalId!: string;

  @ApiProperty({ enum: ['confirmed', 'refused'], description: 'confirmed: paid out (BankWithdrawalConfirmed); refused: nothing left (BankWithdrawalRefused)' })
  status!: 'confirmed' | 'refused';
}
