import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Nested } from '@dw/platform';

/** The seller's quote (标准仓单交易管理办法 第二十一条): a full price, or a contract plus a premium. */
export class ListingQuoteRequestDto {
  @ApiProperty({ enum: ['full', 'basis'], description: 'full: a fixed price per tonne; basis: a futures contract plus a premium (negative: a discount)' })
  @IsIn(['full', 'basis'])
  kind!: 'full' | 'basis';

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 100_000_000,
    example: 351_200,
    description: 'a full price in fen per tonne, a multiple of the tick and inside the day’s band (422 TRADE_PRICE_OFF_TICK / TRADE_PRICE_OUTSIDE_BAND)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  priceFenPerTonne?: number;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 20,
    example: 'rb2610',
    description: 'a basis quote’s futures contract: one with a settlement price of the prior trading day (422 TRADE_BASIS_CONTRACT_UNKNOWN)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  contract?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: -10_000_000,
    maximum: 10_000_000,
    example: -1_500,
    description:
      'a basis quote’s premium in fen per tonne (negative: a discount), a multiple of the tick; the price (settlement + premium) must be inside the band',
  })
  @IsOptional()
  @IsInt()
  @Min(-10_000_000)
  @Max(10_000_000)
  premiumFenPerTonne?: number;
}

/** A seller lists receipts of its trading account (挂牌, 标准仓单交易管理办法 第二十三条). */
export class PostListingRequestDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    example: 'rebar',
    description: 'the commodity: every receipt must be of it, and the seller permitted to trade it',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  commodity!: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 200,
    maxLength: 50,
    example: ['WR00000042', 'WR00000043'],
    description: 'the receipts listed, distinct, in the order takes buy them; same warehouse, brand and grade, each eligible on the trading day',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  receiptNumbers!: string[];

  @ApiProperty({ enum: ['whole', 'partial'], description: 'whole (整批): one take buys every receipt; partial (分批): a take buys at least minTake' })
  @IsIn(['whole', 'partial'])
  mode!: 'whole' | 'partial';

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 199,
    example: 2,
    description: 'a partial listing’s least take: at least 1 and below the number of receipts (422 TRADE_MIN_TAKE_INVALID); left out for a whole listing',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(199)
  minTake?: number;

  @ApiProperty({ type: () => ListingQuoteRequestDto, description: 'the quote: a full price or a contract plus premium, on the tick and inside the day’s band' })
  @Nested(() => ListingQuoteRequestDto)
  quote!: ListingQuoteRequestDto;
}
