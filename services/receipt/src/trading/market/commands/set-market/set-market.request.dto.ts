import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Nested } from '@dw/platform';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_TICK = 100_000_000;

/** One trading session: [opens, closes), Asia/Shanghai wall-clock times. */
export class TradingSessionRequestDto {
  @ApiProperty({ type: String, example: '09:00', description: 'opens (inclusive), Asia/Shanghai HH:MM' })
  @IsString()
  @Matches(HHMM, { message: 'opens must be a time of day HH:MM (00:00-23:59)' })
  opens!: string;

  @ApiProperty({ type: String, example: '11:30', description: 'closes (exclusive), Asia/Shanghai HH:MM, after opens (else 422 TRADING_SESSION_INVALID)' })
  @IsString()
  @Matches(HHMM, { message: 'closes must be a time of day HH:MM (00:00-23:59)' })
  closes!: string;
}

/** The sessions of a trading day, documented and validated alike where the exchange sets them and where it changes them. */
const SessionsProperty = () =>
  applyDecorators(
    ApiProperty({
      type: () => TradingSessionRequestDto,
      isArray: true,
      minItems: 1,
      maxItems: 6,
      description: 'the trading sessions of each trading day (第五条), none overlapping another (else 422 TRADING_SESSIONS_OVERLAP)',
    }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(6),
    Nested(() => TradingSessionRequestDto, { each: true }),
  );

/** The band's maximum rise, where the exchange sets the market and where it changes the band. */
const MaxUpBasisPointsProperty = () =>
  applyDecorators(
    ApiProperty({
      type: 'integer',
      minimum: 1,
      maximum: 10000,
      example: 500,
      description: 'the band’s maximum rise, basis points of the base price (第五十九条): 500 = 5%',
    }),
    IsInt(),
    Min(1),
    Max(10000),
  );

/** The band's maximum fall, below 10000 so a price stays above zero. */
const MaxDownBasisPointsProperty = () =>
  applyDecorators(
    ApiProperty({
      type: 'integer',
      minimum: 1,
      maximum: 9999,
      example: 500,
      description: 'the band’s maximum fall, basis points of the base price (第五十九条), below 10000',
    }),
    IsInt(),
    Min(1),
    Max(9999),
  );

/** Everything the exchange sets for a commodity on the platform; each call replaces the whole settings. */
export class SetMarketSettingsRequestDto {
  @ApiProperty({ type: Boolean, description: 'the exchange lists this commodity on the platform (第四条)' })
  @IsBoolean()
  tradable!: boolean;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_TICK,
    example: 100,
    description: 'the price tick in whole fen per tonne (第二十一条): 100 = 1 yuan/t',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_TICK)
  tickFenPerTonne!: number;

  @SessionsProperty()
  sessions!: TradingSessionRequestDto[];

  @ApiProperty({
    type: String,
    example: 'rb2605',
    description: 'the reference futures contract (标的期货合约, 第五十八条) whose prior settlement price is the base price',
  })
  @IsString()
  @Matches(/^[A-Za-z]{1,4}\d{3,4}$/, { message: 'referenceContract must be a contract code such as rb2605' })
  referenceContract!: string;

  @MaxUpBasisPointsProperty()
  maxUpBasisPoints!: number;

  @MaxDownBasisPointsProperty()
  maxDownBasisPoints!: number;
}

/** Abnormal situation (第六十七条): new opening and closing times. */
export class ChangeMarketSessionsRequestDto {
  @SessionsProperty()
  sessions!: TradingSessionRequestDto[];

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'system incident', description: 'why: kept with the change' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

/** The band's maximum rise and fall changed (第五十九条, 第六十七条). */
export class ChangeMarketPriceBandRequestDto {
  @MaxUpBasisPointsProperty()
  maxUpBasisPoints!: number;

  @MaxDownBasisPointsProperty()
  maxDownBasisPoints!: number;

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'futures limit widened', description: 'why: kept with the change' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
