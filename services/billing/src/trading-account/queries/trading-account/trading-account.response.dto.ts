import { ApiProperty } from '@nestjs/swagger';

export class BankSettlementAccountDto {
  @ApiProperty({ type: String, example: '衡达钢铁有限公司', description: 'the account’s name at the bank' })
  accountName!: string;

  @ApiProperty({ type: String, example: '6222020000001234', description: 'the account number' })
  accountNumber!: string;

  @ApiProperty({ type: String, example: 'ICBC Shanghai', description: 'the bank' })
  bank!: string;
}

/** A trader's trading account (第十条, 第二十九条–第三十九条). */
export class TradingAccountResponseDto {
  @ApiProperty({ type: String, example: 'P-HENGDA', description: 'the trader' })
  partyId!: string;

  @ApiProperty({ type: String, example: 'SC-0001', description: 'the trading account number (the trader’s storage card number)' })
  accountNumber!: string;

  @ApiProperty({ type: String, description: 'the trader’s name' })
  name!: string;

  @ApiProperty({ enum: ['open', 'closed'], description: 'open, or closed with the trader' })
  status!: 'open' | 'closed';

  @ApiProperty({ type: Boolean, description: 'the trader is suspended: its takes are not paid' })
  tradingSuspended!: boolean;

  @ApiProperty({ type: Boolean, description: 'the exchange froze its withdrawals (第三十七条)' })
  withdrawalsFrozen!: boolean;

  @ApiProperty({
    type: () => BankSettlementAccountDto,
    nullable: true,
    description: 'the bank settlement account deposits come from and withdrawals go to (第三十条)',
  })
  bankAccount!: BankSettlementAccountDto | null;

  @ApiProperty({ type: 'integer', description: '资金余额 in fen: the money the exchange holds for the trader (invoice deposits not included)' })
  balanceFen!: number;

  @ApiProperty({ type: 'integer', description: 'invoice deposits withheld from its sales (第四十三条), in fen' })
  invoiceDepositsHeldFen!: number;

  @ApiProperty({ type: 'integer', description: 'withdrawals on their way to its bank, in fen' })
  inTransitFen!: number;

  @ApiProperty({ type: 'integer', description: 'what it may withdraw now (第三十六条): the balance less the fees payable today' })
  withdrawableFen!: number;
}
