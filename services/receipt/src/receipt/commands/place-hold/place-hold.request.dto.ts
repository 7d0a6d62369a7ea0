import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Nested } from '@dw/platform';

export class PledgeeRequestDto {
  /** The bank's integration client id: the only party that can lift the pledge. */
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  partyId!: string;

  /** When given, it must be the bank's registered name (a typo would put a wrong name on the pledge); when left out, the registered name is used. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

/** The holder pledges its receipt to a bank (质押). */
export class PledgeReceiptRequestDto {
  @Nested(() => PledgeeRequestDto)
  bank!: PledgeeRequestDto;

  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

/** The exchange (freeze or delivery hold) or a court (freeze) holds a receipt in its own name. */
export class AuthorityHoldRequestDto {
  @IsIn(['freeze', 'delivery'])
  kind!: 'freeze' | 'delivery';

  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
