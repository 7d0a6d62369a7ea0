import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';

/** A face a lane recognised, in or out. */
export class FacePassRequestDto {
  @ApiProperty({
    type: String,
    maxLength: 64,
    description: 'the lane device’s own id of the pass: one pass per `<deviceId>-<passId>`, a retry answers the same',
  })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'passId must be 1-64 letters, digits, ".", "_" or "-"' })
  passId!: string;

  @ApiProperty({ type: String, maxLength: 32, description: 'the lane' })
  @IsString()
  @MaxLength(32)
  lane!: string;

  @ApiProperty({ type: String, maxLength: 32, description: 'the staff id the lane recognised' })
  @IsString()
  @MaxLength(32)
  staffId!: string;

  @ApiProperty({ enum: ['in', 'out'], description: 'which way' })
  @IsIn(['in', 'out'])
  direction!: 'in' | 'out';

  @ApiProperty({ type: String, format: 'date-time', maxLength: 40, description: 'when the lane saw the face (ISO-8601 with a zone; 422 INVALID_INSTANT)' })
  @IsString()
  @MaxLength(40)
  passedAt!: string;
}
