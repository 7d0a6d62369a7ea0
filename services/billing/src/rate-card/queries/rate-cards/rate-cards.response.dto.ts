import { ApiProperty } from '@nestjs/swagger';
import { RateCardVersionResponseDto } from '../../rate-card-version.response.dto';

/** One rate card from its stream: every version, and the one in force today. */
export class RateCardResponseDto {
  @ApiProperty({ type: String, nullable: true, description: 'the depositor’s party whose contract this is; null for the warehouse’s published default' })
  partyId!: string | null;

  @ApiProperty({ type: () => RateCardVersionResponseDto, isArray: true, description: 'every version, by effective date' })
  versions!: RateCardVersionResponseDto[];

  @ApiProperty({ type: 'integer', nullable: true, description: 'the version in force today; null when none has taken effect yet' })
  inForceVersion!: number | null;

  @ApiProperty({ type: String, format: 'date', description: 'today, Asia/Shanghai (YYYY-MM-DD): the date inForceVersion is judged on' })
  today!: string;
}

/** The rates a depositor (or, for the default, any depositor without a contract) is charged on one day: the version in force. */
export class RateCardInForceResponseDto extends RateCardVersionResponseDto {
  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai date (YYYY-MM-DD) asked about' })
  on!: string;

  @ApiProperty({ enum: ['contract', 'default'], description: 'contract: the party’s contract is in force that day; default: the published default is' })
  source!: 'contract' | 'default';

  @ApiProperty({ type: String, nullable: true, description: 'the party whose contract is in force; null when it is the default' })
  partyId!: string | null;
}

/** One contract version in a list. */
export class ContractVersionItemResponseDto extends RateCardVersionResponseDto {
  @ApiProperty({ type: String, description: 'the depositor’s party' })
  partyId!: string;

  @ApiProperty({ type: String, description: 'who published it (subject)' })
  publishedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was published' })
  publishedAt!: string;
}
