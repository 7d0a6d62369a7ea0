import { ApiProperty } from '@nestjs/swagger';

/** The day's settlement run. */
export class TradingDaySettledResponseDto {
  @ApiProperty({ type: String, format: 'date', description: 'the trading day settled' })
  tradingDay!: string;

  @ApiProperty({ type: 'integer', description: 'the trading accounts with a report of the day (issued by this run or before)' })
  reports!: number;
}
