import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Nested } from '@dw/platform';
import { GuaranteeRequestDto } from '../guarantee/guarantee.request.dto';

/** A factory's application to issue factory receipts (art. 5). */
export class IssuanceApplicationRequestDto {
  @ApiProperty({ type: String, maxLength: 40, example: 'rebar', description: 'the factory’s commodity (422 ISSUANCE_COMMODITY_MISMATCH otherwise)' })
  @IsString()
  @MaxLength(40)
  commodity!: string;

  @ApiProperty({ type: String, maxLength: 60, example: 'HRB400E', description: 'a grade of the terms in force' })
  @IsString()
  @MaxLength(60)
  grade!: string;

  @ApiProperty({ type: String, maxLength: 60, example: '沙钢', description: 'a brand of the terms in force' })
  @IsString()
  @MaxLength(60)
  brand!: string;

  @ApiProperty({ type: String, maxLength: 60, example: 'M0101', description: 'the member firm' })
  @IsString()
  @MaxLength(60)
  member!: string;

  @ApiProperty({ type: String, maxLength: 100, example: 'shagang-trading', description: 'the owner (货主) the receipts are issued to' })
  @IsString()
  @MaxLength(100)
  owner!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10_000_000, example: 1000, description: 'tonnes to issue' })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  tonnes!: number;

  @ApiPropertyOptional({ type: () => GuaranteeRequestDto, description: 'a guarantee lodged with the application (needed when none is lodged yet)' })
  @IsOptional()
  @Nested(() => GuaranteeRequestDto)
  guarantee?: GuaranteeRequestDto;
}

/** The exchange's reason for a rejection. */
export class RejectIssuanceRequestDto {
  @ApiProperty({ type: String, maxLength: 500, description: 'why the application is rejected' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
