import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';

export class MergeReceiptsRequestDto {
  /** Two or more receipts of the same goods, warehouse and holder, none held or expired. */
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 50,
    maxLength: 50,
    example: ['WR00000042', 'WR00000043'],
    description:
      'the receipts merged into one: two or more (one alone: 422 MERGE_NEEDS_TWO_RECEIPTS) of the same goods, warehouse and holder, none held or expired',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  receiptNumbers!: string[];
}
