import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A bank guarantee letter the factory lodges; it must cover the approved capacity (422 GUARANTEE_BELOW_REQUIRED). */
export class GuaranteeRequestDto {
  @ApiProperty({ type: String, maxLength: 60, example: 'BG-2026-001', description: 'the guarantee letter’s number' })
  @IsString()
  @MaxLength(60)
  letterNumber!: string;

  @ApiProperty({ type: String, maxLength: 100, example: '中国银行苏州分行', description: 'the issuing bank' })
  @IsString()
  @MaxLength(100)
  issuingBank!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, example: 500000000, description: 'the amount, fen' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen!: number;

  @ApiProperty({ type: String, format: 'date', example: '2027-06-30', description: 'valid to (inclusive), Asia/Shanghai date' })
  @IsString()
  @Matches(DATE, { message: 'validTo must be a date YYYY-MM-DD' })
  validTo!: string;
}

/** The exchange demands an adjusted guarantee by a deadline. */
export class GuaranteeAdjustmentRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, example: 600000000, description: 'the guarantee required from now, fen' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  requiredFen!: number;

  @ApiProperty({ type: String, format: 'date', example: '2026-12-15', description: 'the day by which to lodge it (today or later)' })
  @IsString()
  @Matches(DATE, { message: 'deadline must be a date YYYY-MM-DD' })
  deadline!: string;

  @ApiProperty({ type: String, maxLength: 500, description: 'why (the price move)' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

/** The factory asks to lower its guarantee after cancellations. */
export class GuaranteeReductionRequestDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 300000000,
    description: 'the guarantee asked for, fen: below the current one, covering what is issued',
  })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  requestedFen!: number;

  @ApiProperty({ type: String, maxLength: 500, description: 'why (the receipts cancelled)' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
