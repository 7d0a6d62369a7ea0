import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Nested } from '@dw/platform';
import { PICKUP_LOCATION_KINDS, type PickupLocationKind } from '../../domain/factory-terms';

const MAX_TONNES = 10_000_000;
const MAX_FEN_PER_TONNE = 100_000_000;

/** A pickup location with its premium or discount. */
export class PickupLocationDto {
  @ApiProperty({ type: String, maxLength: 40, example: 'zhangjiagang', description: 'the location’s id, unique within the factory' })
  @IsString()
  @MaxLength(40)
  locationId!: string;

  @ApiProperty({ type: String, maxLength: 100, example: '张家港本部', description: 'its name' })
  @IsString()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: PICKUP_LOCATION_KINDS, description: 'home (厂库本部提货地, exactly one) or non_home' })
  @IsIn(PICKUP_LOCATION_KINDS)
  kind!: PickupLocationKind;

  @ApiProperty({
    type: Boolean,
    description: 'true: a benchmark location, premium set by the exchange; false: set by the factory and published by the exchange',
  })
  @IsBoolean()
  benchmark!: boolean;

  @ApiProperty({
    type: 'integer',
    minimum: -MAX_FEN_PER_TONNE,
    maximum: MAX_FEN_PER_TONNE,
    example: 3000,
    description: 'premium (> 0) or discount (< 0), fen per tonne',
  })
  @IsInt()
  @Min(-MAX_FEN_PER_TONNE)
  @Max(MAX_FEN_PER_TONNE)
  premiumPerTonneFen!: number;
}

/** One version of a factory's terms, in force from a date (today or later, 422 TERMS_EFFECTIVE_DATE_PAST otherwise). */
export class FactoryTermsDto {
  @ApiProperty({ type: String, format: 'date', example: '2026-12-08', description: 'the Asia/Shanghai date (YYYY-MM-DD) the version is in force from' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be a date YYYY-MM-DD' })
  effectiveFrom!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_TONNES,
    example: 10000,
    description: '核定库容: the most tonnes of factory receipts issued and not yet cancelled',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_TONNES)
  approvedCapacityTonnes!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_TONNES, example: 500, description: '日发货量: the least tonnes shipped per 24 h' })
  @IsInt()
  @Min(1)
  @Max(MAX_TONNES)
  dailyShippingTonnes!: number;

  @ApiProperty({
    type: String,
    isArray: true,
    minItems: 1,
    maxItems: 50,
    maxLength: 60,
    example: ['沙钢'],
    description: 'the brands (商标) approved, without repeats',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  brands!: string[];

  @ApiProperty({
    type: String,
    isArray: true,
    minItems: 1,
    maxItems: 50,
    maxLength: 60,
    example: ['HRB400E'],
    description: 'the grades (牌号) approved, without repeats',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  grades!: string[];

  @ApiProperty({ type: () => PickupLocationDto, isArray: true, minItems: 1, maxItems: 50, description: 'pickup locations: exactly one home, distinct ids' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Nested(() => PickupLocationDto, { each: true })
  pickupLocations!: PickupLocationDto[];

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_FEN_PER_TONNE,
    example: 50000,
    description: 'the guarantee required per tonne of approved capacity, fen',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN_PER_TONNE)
  guaranteePerTonneFen!: number;
}

/** The exchange approves a factory warehouse with its first terms. */
export class ApproveFactoryRequestDto {
  @ApiProperty({
    type: String,
    pattern: '^[a-z0-9][a-z0-9-]{1,39}$',
    example: 'shagang',
    description: 'the factory id: also the client id of the factory’s own signed system',
  })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'factoryId must be 2-40 lower-case letters, digits or hyphens' })
  factoryId!: string;

  @ApiProperty({ type: String, maxLength: 100, example: '江苏沙钢集团', description: 'the producer' })
  @IsString()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ type: String, maxLength: 40, example: 'rebar', description: 'the commodity it delivers' })
  @IsString()
  @MaxLength(40)
  commodity!: string;

  @ApiProperty({ type: () => FactoryTermsDto, description: 'the first terms' })
  @Nested(() => FactoryTermsDto)
  terms!: FactoryTermsDto;
}
