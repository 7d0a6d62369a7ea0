import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, MaxLength, ValidateNested } from 'class-validator';

export class SplitChildRequestDto {
  /** The parent's lots this child takes (lots are whole). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  lotIds!: string[];

  /** As the holder reads it; must equal the weight of the child's lots (error-proofing). */
  @IsInt()
  weightKg!: number;
}

export class SplitReceiptRequestDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SplitChildRequestDto)
  children!: SplitChildRequestDto[];
}
