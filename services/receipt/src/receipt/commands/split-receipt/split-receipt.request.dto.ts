import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, MaxLength } from 'class-validator';
import { Nested } from '@dw/platform';

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
  @Nested(() => SplitChildRequestDto, { each: true })
  children!: SplitChildRequestDto[];
}
