import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** A plate the exit camera read at the barrier. */
export class ExitReadRequestDto {
  @ApiProperty({ type: String, maxLength: 64, description: 'the camera’s own id of the read' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'readId must be 1-64 letters, digits, ".", "_" or "-"' })
  readId!: string;

  @ApiProperty({ type: String, maxLength: 32, description: 'the gate whose exit the camera watches' })
  @IsString()
  @MaxLength(32)
  gate!: string;

  @ApiProperty({ type: String, maxLength: 16, description: 'the plate read' })
  @IsString()
  @MaxLength(16)
  plate!: string;
}

/** A plate a guard typed at the exit barrier, with why. */
export class GuardExitRequestDto {
  @ApiProperty({ type: String, maxLength: 32, description: 'the gate' })
  @IsString()
  @MaxLength(32)
  gate!: string;

  @ApiProperty({ type: String, maxLength: 16, description: 'the plate' })
  @IsString()
  @MaxLength(16)
  plate!: string;

  @ApiProperty({ type: String, maxLength: 500, description: 'why the guard types it (the exit camera missed it): required' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
