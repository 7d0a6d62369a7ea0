import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Which trading day (today when left out) and commodity: the filter of the listings and of the market information. */
export class TradingDayQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-03-02', description: 'the trading day (YYYY-MM-DD, Asia/Shanghai); today when left out' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'tradingDay must be a date YYYY-MM-DD' })
  tradingDay?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'rebar', description: 'only this commodity' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  commodity?: string;
}
