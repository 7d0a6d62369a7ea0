import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, MaxLength } from 'class-validator';
import { Nested } from '@dw/platform';

export class SplitChildRequestDto {
  /** The parent's lots this child takes (lots are whole). */
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 100,
    maxLength: 100,
    example: ['lot-0190f6a2-7c1e-7d4b-9a55-3f1c2b8e4d10'],
    description: 'the parent’s lots this child takes (lots are whole), each given to one child only',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  lotIds!: string[];

  /** As the holder reads it; must equal the weight of the child's lots (error-proofing). */
  @ApiProperty({
    type: 'integer',
    example: 300_000,
    description:
      'the child’s weight in integer kilograms (Kg) as the holder reads it: must equal the weight of its lots (error-proofing, 422 SPLIT_CHILD_WEIGHT_MISMATCH)',
  })
  @IsInt()
  weightKg!: number;
}

export class SplitReceiptRequestDto {
  @ApiProperty({
    type: () => SplitChildRequestDto,
    isArray: true,
    minItems: 1,
    maxItems: 50,
    description:
      'the receipts the parent is split into: two or more (one: 422 SPLIT_NEEDS_TWO_CHILDREN), together weighing what it weighs (422 SPLIT_WEIGHTS_DO_NOT_SUM)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Nested(() => SplitChildRequestDto, { each: true })
  children!: SplitChildRequestDto[];
}
