import { ApiProperty } from '@nestjs/swagger';
import { WithdrawalResponseDto } from '../../commands/withdrawal.response.dto';

export class PaidThroughResponseDto {
  @ApiProperty({ type: String, description: 'the warehouse receipt whose storage the party was charged' })
  receiptNumber!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the party’s storage for the receipt is settled for every day up to and including this one' })
  paidThrough!: string;
}

/** One party's account: its money in whole fen, what it has paid through, and its withdrawals. */
export class AccountResponseDto {
  @ApiProperty({ type: String, description: 'the party whose account this is' })
  partyId!: string;

  @ApiProperty({ type: 'integer', description: 'the party’s money the warehouse holds, not applied to fees (withdrawals requested still in it)' })
  depositsHeldFen!: number;

  @ApiProperty({ type: 'integer', description: 'held for withdrawals requested and not yet decided' })
  reservedFen!: number;

  @ApiProperty({ type: 'integer', description: 'withdrawals approved and with the bank' })
  inTransitFen!: number;

  @ApiProperty({ type: 'integer', description: 'fees charged and not settled' })
  outstandingFen!: number;

  @ApiProperty({ type: 'integer', description: 'what the party may withdraw: deposits held less reserved less outstanding fees, at least 0' })
  availableFen!: number;

  @ApiProperty({ type: () => PaidThroughResponseDto, isArray: true, description: 'per receipt, by receipt number' })
  paidThrough!: PaidThroughResponseDto[];

  @ApiProperty({ type: () => WithdrawalResponseDto, isArray: true, description: 'every withdrawal, in the order requested' })
  withdrawals!: WithdrawalResponseDto[];
}
