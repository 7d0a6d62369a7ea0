import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AREA_KINDS, type AreaKind } from '../../domain/location.commands';
import { Nested } from '@dw/platform';

export class AreaDto {
  @ApiProperty({ enum: AREA_KINDS, description: 'yard: an open storage yard; shed: a covered shed' })
  @IsIn(AREA_KINDS)
  kind!: AreaKind;

  @ApiProperty({ maxLength: 40, example: 'SHED1', description: 'the yard or shed as the warehouse names it' })
  @IsString()
  @MaxLength(40)
  name!: string;
}

/** A storage slot (货位): yard or shed, row, slot, with a capacity in kg, in pieces, or both. */
export class DefineLocationRequestDto {
  @ApiProperty({ maxLength: 100, example: 'SHED1-R01-S01', description: 'the location id put-aways, moves and counts name; unique' })
  @IsString()
  @MaxLength(100)
  locationId!: string;

  @ApiProperty({ maxLength: 40, example: 'WH-SH-01', description: 'the warehouse the slot is in: goods are put away and moved only within one warehouse' })
  @IsString()
  @MaxLength(40)
  warehouse!: string;

  @ApiProperty({ type: () => AreaDto, description: 'the yard or shed the slot is in' })
  @Nested(() => AreaDto)
  area!: AreaDto;

  @ApiProperty({ maxLength: 20, example: 'R01', description: 'the row within the area' })
  @IsString()
  @MaxLength(20)
  row!: string;

  @ApiProperty({ maxLength: 20, example: 'S01', description: 'the slot within the row' })
  @IsString()
  @MaxLength(20)
  slot!: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 1_000_000_000,
    example: 600_000,
    description: 'most net weight the slot holds, in integer kilograms (Kg); give this, capacityPieces or both (neither: 422 LOCATION_CAPACITY_REQUIRED)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  capacityKg?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1_000_000, example: 200, description: 'most pieces (bundles, coils, bales) the slot holds' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  capacityPieces?: number;
}
