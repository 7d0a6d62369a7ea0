import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength } from 'class-validator';

/** A depositor asks to be paid out of its deposits held, to its own bank account. */
export class RequestWithdrawalRequestDto {
  @ApiProperty({
    type: 'integer',
    example: 500_000,
    description: 'whole fen, above 0 (422 POSITIVE_INTEGER_REQUIRED) and at most the available balance (409 WITHDRAWAL_EXCEEDS_AVAILABLE)',
  })
  @IsInt()
  amountFen!: number;

  @ApiProperty({ type: String, maxLength: 200, example: '恒达钢铁贸易有限公司', description: 'the payee account’s holder name' })
  @IsString()
  @MaxLength(200)
  payeeAccountName!: string;

  @ApiProperty({ type: String, maxLength: 64, example: '6222021001234567890', description: 'the payee account number' })
  @IsString()
  @MaxLength(64)
  payeeAccountNumber!: string;

  @ApiProperty({ type: String, maxLength: 200, example: 'ICBC Shanghai Pudong Branch', description: 'the payee’s bank and branch' })
  @IsString()
  @MaxLength(200)
  payeeBank!: string;
}
