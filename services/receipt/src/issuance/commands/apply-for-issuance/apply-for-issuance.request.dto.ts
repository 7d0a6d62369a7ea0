import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Nested } from '@dw/platform';

export class PlannedReceiptRequestDto {
  /** Whole lots: a receipt weighs exactly its lots. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  lotIds!: string[];
}

export class ApplyForIssuanceRequestDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  warehouseId!: string;

  /** The commodity's standard code, as inventory names it (e.g. rebar). */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  commodity!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  brand!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  grade!: string;

  /** The storage card the receipts are issued to (the lots' owner). */
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  holderCard!: string;

  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'storageFeesPaidThrough must be a date YYYY-MM-DD' })
  storageFeesPaidThrough!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Nested(() => PlannedReceiptRequestDto, { each: true })
  receipts!: PlannedReceiptRequestDto[];
}
