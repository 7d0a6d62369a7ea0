import { ApiProperty } from '@nestjs/swagger';
import { WITHDRAWAL_STATUSES, type WithdrawalStatus } from '../domain/account.state';

/** A withdrawal as the account has it after the request or decision. */
export class WithdrawalResponseDto {
  @ApiProperty({ type: String, description: 'the withdrawal’s id (the bank integration sends it to the bank with the approval)' })
  withdrawalId!: string;

  @ApiProperty({ type: String, description: 'the depositor’s party whose account pays it' })
  partyId!: string;

  @ApiProperty({ type: 'integer', description: 'whole fen' })
  amountFen!: number;

  @ApiProperty({
    enum: WITHDRAWAL_STATUSES,
    description: 'requested (reserved), approved (in transit to the bank), rejected, completed or returned (refused by the bank)',
  })
  status!: WithdrawalStatus;

  @ApiProperty({ type: String, description: 'the payee account’s holder name' })
  payeeAccountName!: string;

  @ApiProperty({ type: String, description: 'the payee account number' })
  payeeAccountNumber!: string;

  @ApiProperty({ type: String, description: 'the payee’s bank and branch' })
  payeeBank!: string;
}
