import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** The exchange sets the commodities a trader may trade. */
export class ChangeTraderPermissionsRequestDto {
  @ApiProperty({
    type: String,
    isArray: true,
    minItems: 1,
    maxItems: 20,
    example: ['rebar', 'hrc'],
    description: 'every commodity the trader may trade from now on, no repeats; each one the exchange trades on the platform (else 422 COMMODITY_NOT_TRADED)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[a-z][a-z0-9_-]{0,31}$/, { each: true, message: 'each commodity must be 1-32 lower-case letters, digits, "_" or "-"' })
  commodities!: string[];
}

/** The exchange cancels a qualification: revoked (第十二条) or at the trader's own request (第十四条). */
export class CloseTraderRequestDto {
  @ApiProperty({
    enum: ['revocation', 'request'],
    description:
      'revocation: the exchange revokes the qualification (第十二条); request: it approves the trader’s own request (第十四条; none pending: 409 TRADER_CLOSURE_NOT_REQUESTED)',
  })
  @IsIn(['revocation', 'request'])
  basis!: 'revocation' | 'request';

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'false account documents', description: 'why: kept with the decision in the history' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
