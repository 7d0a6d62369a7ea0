import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** A plate a camera read at a gate. */
export class PlateReadRequestDto {
  @ApiProperty({ type: String, maxLength: 64, description: 'the camera’s own id of the read: one visit per read, a repeat changes nothing' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'readId must be 1-64 letters, digits, ".", "_" or "-"' })
  readId!: string;

  @ApiProperty({ type: String, maxLength: 32, description: 'the gate the camera watches' })
  @IsString()
  @MaxLength(32)
  gate!: string;

  @ApiProperty({ type: String, maxLength: 16, description: 'the plate read' })
  @IsString()
  @MaxLength(16)
  plate!: string;
}

/** A plate a guard typed at the gatehouse, with why. */
export class GuardEntryRequestDto {
  @ApiProperty({ type: String, maxLength: 32, description: 'the gate' })
  @IsString()
  @MaxLength(32)
  gate!: string;

  @ApiProperty({ type: String, maxLength: 16, description: 'the plate' })
  @IsString()
  @MaxLength(16)
  plate!: string;

  @ApiProperty({ type: String, maxLength: 500, description: 'why the guard types it (the camera missed it; a special vehicle released): required' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
