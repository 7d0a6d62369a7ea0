import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** Which trading day's contract prices. */
export class ContractSettlementPricesQueryDto {
  @ApiProperty({ type: String, format: 'date', example: '2026-12-07', description: 'the trading day, Asia/Shanghai YYYY-MM-DD' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'tradingDay must be a date YYYY-MM-DD' })
  tradingDay!: string;
}
