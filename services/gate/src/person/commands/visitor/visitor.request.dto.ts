import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Nested } from '@dw/platform';

const SUBJECT = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** Who the visitor is, as on the ID card. */
export class VisitorRequestDto {
  @ApiProperty({ type: String, maxLength: 64, description: 'the name on the ID card' })
  @IsString()
  @MaxLength(64)
  name!: string;

  @ApiProperty({
    type: String,
    maxLength: 18,
    example: '11010519491231002X',
    description: 'resident ID number, GB 11643 check character verified (422 RESIDENT_ID_INVALID)',
  })
  @IsString()
  @MaxLength(18)
  residentIdNumber!: string;

  @ApiProperty({ type: String, maxLength: 11, example: '13800138000', description: '11-digit mainland mobile (422 MOBILE_NUMBER_INVALID)' })
  @IsString()
  @MaxLength(11)
  mobile!: string;
}

/** A walk-in visitor registered at the gatehouse, waiting for the host. */
export class RegisterVisitorRequestDto {
  @ApiProperty({ type: () => VisitorRequestDto, description: 'who comes' })
  @Nested(() => VisitorRequestDto)
  visitor!: VisitorRequestDto;

  @ApiProperty({ type: String, maxLength: 64, example: 'ops-zhao', description: 'the staff member visited, who approves (their token subject)' })
  @IsString()
  @MaxLength(64)
  @Matches(SUBJECT, { message: 'host must be a staff member’s subject: 1-64 letters, digits, ".", "_", "@" or "-"' })
  host!: string;

  @ApiProperty({ type: String, maxLength: 200, description: 'why the visitor comes' })
  @IsString()
  @MaxLength(200)
  purpose!: string;
}

/** A visit asked for online, for a day, waiting for the host. */
export class RequestVisitorAppointmentRequestDto extends RegisterVisitorRequestDto {
  @ApiProperty({
    type: String,
    format: 'date',
    maxLength: 10,
    example: '2026-12-08',
    description: 'the day of the visit, YYYY-MM-DD in Shanghai, today or later (422 VISIT_DATE_PAST)',
  })
  @IsString()
  @MaxLength(10)
  date!: string;

  @ApiPropertyOptional({ type: String, maxLength: 16, description: 'the visitor’s car, a mainland plate (422 PLATE_NUMBER_INVALID)' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  plate?: string;
}

/** Why the host declines a visit. */
export class DeclineVisitorRequestDto {
  @ApiProperty({ type: String, maxLength: 500, description: 'why the visit is declined (required)' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
