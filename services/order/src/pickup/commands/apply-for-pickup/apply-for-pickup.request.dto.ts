import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Nested } from '@dw/platform';
import { PICKUP_METHODS, type PickupMethod } from '../../domain/pickup-application';

export class PickupPlanDayDto {
  @ApiProperty({
    format: 'date',
    maxLength: 10,
    example: '2026-03-16',
    description: 'a pickup day (YYYY-MM-DD, Asia/Shanghai) within pickupDate … pickupUntil, each day once',
  })
  @IsString()
  @MaxLength(10)
  date!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 1_000_000_000,
    example: 30_000,
    description: 'integer kg planned for that day; the days sum to the quantity',
  })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  kg!: number;
}

export class PickupCollectorDto {
  @ApiProperty({ maxLength: 100, example: '张伟', description: 'the collector’s name, as on the ID card' })
  @IsString()
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    maxLength: 18,
    example: '11010519491231002X',
    description: 'PRC resident ID number: 18 characters with the GB 11643 check character (wrong: 422 RESIDENT_ID_INVALID)',
  })
  @IsString()
  @MaxLength(18)
  residentId!: string;

  @ApiProperty({ maxLength: 11, example: '13812345678', description: 'mainland mobile number, 11 digits (422 MOBILE_NUMBER_INVALID)' })
  @IsString()
  @MaxLength(11)
  mobile!: string;
}

/** The holder's pickup application (提货申请, 指定钢材厂库交割办法 第十三条). */
export class ApplyForPickupRequestDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 1_000_000_000,
    description: 'integer kg to take out; the whole entitlement when left out (more than it: 422 PICKUP_QUANTITY_EXCEEDS_ENTITLEMENT)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  quantityKg?: number;

  @ApiProperty({
    maxLength: 10,
    example: '2026-03-16',
    description: 'intended pickup date, YYYY-MM-DD, not before today in Asia/Shanghai (422 PICKUP_DATE_PAST)',
  })
  @IsString()
  @MaxLength(10)
  pickupDate!: string;

  @ApiPropertyOptional({
    format: 'date',
    maxLength: 10,
    example: '2026-03-18',
    description: 'last day of the pickup period, on or after pickupDate; pickupDate when left out',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  pickupUntil?: string;

  @ApiProperty({ enum: PICKUP_METHODS, description: 'self_collect (the holder’s vehicles load) or warehouse_delivery (the warehouse ships)' })
  @IsIn(PICKUP_METHODS)
  method!: PickupMethod;

  @ApiPropertyOptional({ maxLength: 200, description: 'where the warehouse delivers; required for warehouse_delivery' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  deliveryAddress?: string;

  @ApiProperty({
    type: () => PickupPlanDayDto,
    isArray: true,
    maxItems: 366,
    description: 'the daily plan: distinct days within the period summing to the quantity',
  })
  @IsArray()
  @ArrayMaxSize(366)
  @Nested(() => PickupPlanDayDto, { each: true })
  dailyPlan!: PickupPlanDayDto[];

  @ApiProperty({ type: () => PickupCollectorDto, description: 'who collects (or receives the delivery)' })
  @Nested(() => PickupCollectorDto)
  collector!: PickupCollectorDto;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: 100,
    maxLength: 10,
    example: ['沪A12345'],
    description: 'plate numbers of the vehicles that load; at least one for self_collect (422 PLATE_NUMBER_INVALID)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  vehicles?: string[];
}
