import { ApiProperty } from '@nestjs/swagger';
import { TRADER_STATUSES } from '../../commands/decide-trader/decide-trader.response.dto';

export class TraderBankAccountResponseDto {
  @ApiProperty({ type: String, description: 'the account holder’s name' })
  accountName!: string;

  @ApiProperty({ type: String, description: 'the bank account number' })
  accountNumber!: string;

  @ApiProperty({ type: String, description: 'the depository bank' })
  bank!: string;
}

/** A trader as its stream has it now. */
export class TraderResponseDto {
  @ApiProperty({ type: String, example: 'P-0001', description: 'the trader’s party' })
  partyId!: string;

  @ApiProperty({ type: String, example: 'SC000042', description: 'its trading account number: its storage card number (第十条)' })
  accountNumber!: string;

  @ApiProperty({ type: String, description: 'its registered name' })
  name!: string;

  @ApiProperty({ type: String, isArray: true, description: 'the commodities the exchange permits it to trade' })
  commodities!: string[];

  @ApiProperty({ type: () => TraderBankAccountResponseDto, description: 'its bank settlement account (第三十条)' })
  bankAccount!: TraderBankAccountResponseDto;

  @ApiProperty({ enum: TRADER_STATUSES, description: 'applied, approved (may trade), rejected, suspended or closed' })
  status!: string;

  @ApiProperty({ type: Boolean, description: 'it asked the exchange to cancel its qualification (第十四条) and waits for the decision' })
  closureRequested!: boolean;

  @ApiProperty({ type: 'integer', description: 'the trader stream’s version, also its ETag' })
  version!: number;
}

/** A trader as the list shows it. */
export class TraderItemResponseDto extends TraderResponseDto {
  @ApiProperty({ type: String, nullable: true, description: 'the reason given with the last decision or request that had one; null otherwise' })
  lastReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it (last) applied' })
  appliedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it last changed' })
  updatedAt!: string;
}
