import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CountPieceRequestDto {
  @ApiProperty({ maxLength: 64, example: 'RB20-000001', description: 'the barcode label of the piece found' })
  @IsString()
  @MaxLength(64)
  barcode!: string;

  @ApiProperty({ maxLength: 100, example: 'SHED1-R01-S01', description: 'where it was found: one of the stocktake’s locations' })
  @IsString()
  @MaxLength(100)
  locationId!: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 1_000_000,
    example: 2_260,
    description:
      'its weight in integer kilograms (Kg), when the piece was put on a scale: compared with its booked net weight; left out, only its presence is counted',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  weighedKg?: number;
}
