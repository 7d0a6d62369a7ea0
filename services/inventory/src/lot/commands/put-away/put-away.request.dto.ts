import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';

export class PutAwayRequestDto {
  @IsString()
  @MaxLength(100)
  locationId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  barcodes!: string[];
}
