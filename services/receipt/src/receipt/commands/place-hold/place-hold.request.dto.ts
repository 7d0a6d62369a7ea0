import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Nested } from '@dw/platform';

export class PledgeeRequestDto {
  /** The bank's integration client id: the only party that can lift the pledge. */
  @ApiProperty({
    minLength: 1,
    maxLength: 64,
    example: 'bank-icbc-sh',
    description:
      'the bank’s integration client id: a bank connected to the warehouse (another: 422 UNKNOWN_PLEDGEE_BANK), the only party that can lift the pledge',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  partyId!: string;

  /** When given, it must be the bank's registered name (a typo would put a wrong name on the pledge); when left out, the registered name is used. */
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    example: '中国工商银行上海分行',
    description:
      'the bank’s name: when given, it must be the bank’s registered name (another: 422 PLEDGEE_BANK_NAME_MISMATCH); when left out, the registered name is used',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

/** The holder pledges its receipt to a bank (质押). */
export class PledgeReceiptRequestDto {
  @ApiProperty({ type: () => PledgeeRequestDto, description: 'the bank the receipt is pledged to (质押)' })
  @Nested(() => PledgeeRequestDto)
  bank!: PledgeeRequestDto;

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'collateral for loan contract 2025-17', description: 'why the receipt is pledged, kept with the hold' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

/** The exchange (freeze or delivery hold) or a court (freeze) holds a receipt in its own name. */
export class AuthorityHoldRequestDto {
  @ApiProperty({
    enum: ['freeze', 'delivery'],
    description:
      'freeze: by the exchange or a court, lifted only by it; delivery: the exchange holds a receipt allocated to a futures delivery (exchange only)',
  })
  @IsIn(['freeze', 'delivery'])
  kind!: 'freeze' | 'delivery';

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'enforcement ruling (2025) 沪0115执1234', description: 'why the receipt is held, kept with the hold' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
