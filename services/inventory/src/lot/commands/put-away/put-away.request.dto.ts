import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';

export class PutAwayRequestDto {
  @ApiProperty({
    maxLength: 100,
    example: 'SHED1-R01-S01',
    description: 'the location the pieces are placed in: of the lot’s warehouse, with room for them (capacity counts net kg and pieces)',
  })
  @IsString()
  @MaxLength(100)
  locationId!: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 500,
    example: ['RB20-000001', 'RB20-000002'],
    description: 'barcode labels of the lot’s pieces placed there; each piece must be weighed and is put away once',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  barcodes!: string[];
}
