import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';

/** One trading day's settlement price of a commodity, as the exchange publishes it. */
export class PublishSettlementPriceRequestDto {
  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity code (the inventory service’s, as on its lots)' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]{0,31}$/, { message: 'commodity must be 1-32 lower-case letters, digits, "_" or "-"' })
  commodity!: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-07', description: 'the trading day settled, Asia/Shanghai YYYY-MM-DD' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'tradingDay must be a date YYYY-MM-DD' })
  tradingDay!: string;

  @ApiProperty({ type: String, example: 'rb2701', description: 'the futures contract the exchange names as the nearest month listed that day' })
  @IsString()
  @Matches(/^[A-Za-z]{1,4}\d{3,4}$/, { message: 'contract must be a contract code such as rb2701' })
  contract!: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 365000, description: 'the settlement price in whole fen per tonne (yuan/t × 100)' })
  @IsInt()
  @Min(1)
  fenPerTonne!: number;

  @ApiProperty({
    type: Boolean,
    required: false,
    default: true,
    description:
      'whether the exchange names this contract the nearest month listed that day (over/short is settled at it); one per day. Left out: true. The other contracts (the reference contract, a basis quote’s month) are published with false',
  })
  @IsOptional()
  @IsBoolean()
  nearestMonth?: boolean;
}
