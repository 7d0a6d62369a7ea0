import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';

export class MergeReceiptsRequestDto {
  /** Two or more receipts of the same goods, warehouse and holder, none held or expired. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  receiptNumbers!: string[];
}
