import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Nested } from '@dw/platform';

export class PlannedReceiptRequestDto {
  /** Whole lots: a receipt weighs exactly its lots. */
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 100,
    maxLength: 100,
    example: ['lot-0190f6a2-7c1e-7d4b-9a55-3f1c2b8e4d10'],
    description:
      'the whole lots the receipt is issued over: available lots of the holder card, of the application’s goods; the receipt weighs exactly its lots, within the rule’s unit tolerance',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  lotIds!: string[];
}

export class ApplyForIssuanceRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'WH-SH-01', description: 'the warehouse holding the lots' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  warehouseId!: string;

  /** The commodity's standard code, as inventory names it (e.g. rebar). */
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    example: 'rebar',
    description: 'the commodity’s standard code, as inventory names it; its receipt rules in force decide unit, tolerance and validity',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  commodity!: string;

  @ApiProperty({ minLength: 1, maxLength: 100, example: '沙钢', description: 'brand: every lot must be of it' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  brand!: string;

  @ApiProperty({ minLength: 1, maxLength: 100, example: 'HRB400E', description: 'grade: every lot must be of it' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  grade!: string;

  /** The storage card the receipts are issued to (the lots' owner). */
  @ApiProperty({ minLength: 1, maxLength: 50, example: 'SC000042', description: 'the approved storage card the receipts are issued to: the lots’ owner' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  holderCard!: string;

  @ApiProperty({
    format: 'date',
    example: '2025-06-30',
    description: 'the Asia/Shanghai date (YYYY-MM-DD) storage fees are paid through, carried on each receipt',
  })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'storageFeesPaidThrough must be a date YYYY-MM-DD' })
  storageFeesPaidThrough!: string;

  @ApiProperty({
    type: () => PlannedReceiptRequestDto,
    isArray: true,
    minItems: 1,
    maxItems: 100,
    description: 'the receipts to issue, each over its lots; receipt numbers are allotted on application',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Nested(() => PlannedReceiptRequestDto, { each: true })
  receipts!: PlannedReceiptRequestDto[];
}
