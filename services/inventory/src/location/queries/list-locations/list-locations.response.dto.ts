import { ApiProperty } from '@nestjs/swagger';
import { AREA_KINDS } from '../../domain/location.commands';

export class LocationAreaResponseDto {
  @ApiProperty({ enum: AREA_KINDS, description: 'yard (open) or shed (covered)' })
  kind!: string;

  @ApiProperty({ type: String, example: 'SHED1', description: 'the yard or shed, by its name' })
  name!: string;
}

/** A location with its capacity and what it holds now. */
export class LocationItemResponseDto {
  @ApiProperty({ type: String, example: 'SHED1-R01-S01', description: 'the location' })
  locationId!: string;

  @ApiProperty({ type: String, example: 'WH-SH-01', description: 'its warehouse' })
  warehouse!: string;

  @ApiProperty({ type: () => LocationAreaResponseDto, description: 'the yard or shed it is in' })
  area!: LocationAreaResponseDto;

  @ApiProperty({ type: String, example: 'R01', description: 'its row' })
  row!: string;

  @ApiProperty({ type: String, example: 'S01', description: 'its slot in the row' })
  slot!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'most weight it may hold, integer kg; null = no limit' })
  capacityKg!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'most pieces it may hold; null = no limit' })
  capacityPieces!: number | null;

  @ApiProperty({ type: 'integer', description: 'weight lying there now, integer kg' })
  usedKg!: number;

  @ApiProperty({ type: 'integer', description: 'pieces lying there now' })
  usedPieces!: number;
}
