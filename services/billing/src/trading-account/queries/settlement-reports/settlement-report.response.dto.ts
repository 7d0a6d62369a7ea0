import { ApiProperty } from '@nestjs/swagger';

/** The day's movements, each term of 第三十四条. */
export class SettlementFiguresDto {
  @ApiProperty({ type: 'integer', description: '当日收入货款: proceeds received' }) proceedsReceivedFen!: number;
  @ApiProperty({ type: 'integer', description: '当日支付货款: proceeds paid' }) paymentsFen!: number;
  @ApiProperty({ type: 'integer', description: '入金: deposits' }) depositsFen!: number;
  @ApiProperty({ type: 'integer', description: '出金: withdrawals (less returned ones)' }) withdrawalsFen!: number;
  @ApiProperty({ type: 'integer', description: '当日交易手续费: trading fees' }) tradingFeesFen!: number;
  @ApiProperty({ type: 'integer', description: '当日暂扣发票保证金: invoice deposits withheld' }) invoiceDepositsWithheldFen!: number;
  @ApiProperty({ type: 'integer', description: '当日清退发票保证金: invoice deposits released' }) invoiceDepositsReleasedFen!: number;
  @ApiProperty({ type: 'integer', description: '发票违约金: invoice penalties' }) invoicePenaltiesFen!: number;
  @ApiProperty({ type: 'integer', description: '当日仓储费: storage fees collected for the warehouse' }) storageFeesFen!: number;
  @ApiProperty({ type: 'integer', description: '当日过户费: transfer fees collected for the warehouse' }) transferFeesFen!: number;
  @ApiProperty({ type: 'integer', description: '其他费用: other fees' }) otherFeesFen!: number;
}

/** A trader's settlement report of one trading day (第三十八条) and whether it stands. */
export class SettlementReportResponseDto {
  @ApiProperty({ type: String, description: 'the trader' })
  partyId!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the trading day' })
  tradingDay!: string;

  @ApiProperty({ type: 'integer', description: '上一日资金余额: the previous balance' })
  previousBalanceFen!: number;

  @ApiProperty({ type: () => SettlementFiguresDto, description: 'the day’s movements' })
  figures!: SettlementFiguresDto;

  @ApiProperty({ type: 'integer', description: '当日资金余额 by 第三十四条' })
  balanceFen!: number;

  @ApiProperty({ type: 'integer', description: '可出金额 by 第三十六条 after the settlement' })
  withdrawableFen!: number;

  @ApiProperty({ type: String, format: 'date-time', description: 'objections until the next trading day’s open (第三十九条)' })
  objectionDeadline!: string;

  @ApiProperty({ enum: ['open', 'objected', 'accepted'], description: 'open to objection, objected, or accepted (the deadline passed without one)' })
  status!: 'open' | 'objected' | 'accepted';

  @ApiProperty({ type: String, nullable: true, description: 'the trader’s objection' })
  objection!: string | null;
}
