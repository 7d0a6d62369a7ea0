import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** A staff member enrolled for the face lanes. */
export class RegisterStaffRequestDto {
  @ApiProperty({ type: String, maxLength: 32, example: 'S-0042', description: 'the staff id the face lanes report' })
  @IsString()
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, { message: 'staffId must be 1-32 letters, digits, ".", "_" or "-"' })
  staffId!: string;

  @ApiProperty({ type: String, maxLength: 64, description: 'the name on the ID card' })
  @IsString()
  @MaxLength(64)
  name!: string;

  @ApiProperty({ type: String, maxLength: 18, description: 'resident ID number, GB 11643 check character verified (422 RESIDENT_ID_INVALID)' })
  @IsString()
  @MaxLength(18)
  residentIdNumber!: string;
}

/** Why a staff member no longer passes the face lanes. */
export class DeactivateStaffRequestDto {
  @ApiProperty({ type: String, maxLength: 500, description: 'why (left the company, suspended): required' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
