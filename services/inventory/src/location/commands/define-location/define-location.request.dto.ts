import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AREA_KINDS, type AreaKind } from '../../domain/location.commands';
import { Nested } from '@dw/platform';

export class AreaDto {
  @ApiProperty({ enum: AREA_KINDS })
  @IsIn(AREA_KINDS)
  kind!: AreaKind;

  @IsString()
  @MaxLength(40)
  name!: string;
}

/** A storage slot (货位): yard or shed, row, slot, with a capacity in kg, in pieces, or both. */
export class DefineLocationRequestDto {
  @ApiProperty({ example: 'SHED1-R01-S01' })
  @IsString()
  @MaxLength(100)
  locationId!: string;

  @IsString()
  @MaxLength(40)
  warehouse!: string;

  @Nested(() => AreaDto)
  area!: AreaDto;

  @IsString()
  @MaxLength(20)
  row!: string;

  @IsString()
  @MaxLength(20)
  slot!: string;

  @ApiPropertyOptional({ description: 'integer kilograms' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  capacityKg?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  capacityPieces?: number;
}
