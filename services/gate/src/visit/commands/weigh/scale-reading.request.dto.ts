import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** A reading of the weighbridge scale: the vehicle on it and its weight, never typed by a person. */
export class ScaleReadingRequestDto {
  @ApiProperty({
    type: String,
    maxLength: 64,
    description: 'the scale’s own id of the reading: one weighing per <deviceId>-<readingId>, a retry answers the same',
  })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'readingId must be 1-64 letters, digits, ".", "_" or "-"' })
  readingId!: string;

  @ApiProperty({ type: String, maxLength: 16, description: 'the plate on the scale (a mainland plate, normalised)' })
  @IsString()
  @MaxLength(16)
  plate!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100_000, description: 'the weight read, whole kg (a truck and its load: at most 100 t)' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  weightKg!: number;

  @ApiProperty({ type: String, format: 'date-time', maxLength: 40, description: 'when the scale read it (ISO-8601 with a zone)' })
  @IsString()
  @MaxLength(40)
  readAt!: string;
}
