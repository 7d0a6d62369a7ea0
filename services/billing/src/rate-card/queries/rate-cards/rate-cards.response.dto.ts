import { ApiProperty } from '@nestjs/swagger';
import { RateCardTermsDto } from '../../commands/publish-rate-card-version/publish-rate-card-version.request.dto';

/** One version of a rate card. */
export class RateCardVersionResponseDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'the version number, counting publications from 1' })
  version!: number;

  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai date (YYYY-MM-DD) the version takes effect' })
  effectiveFrom!: string;

  @ApiProperty({ type: () => RateCardTermsDto, description: 'the fee items and the settlement method' })
  terms!: RateCardTermsDto;
}

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

/** The rates a depositor (or, for the default, any depositor without a contract) is charged on one day. */
export class RateCardInForceResponseDto {
  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai date (YYYY-MM-DD) asked about' })
  on!: string;

  @ApiProperty({ enum: ['contract', 'default'], description: 'contract: the party’s contract is in force that day; default: the published default is' })
  source!: 'contract' | 'default';

  @ApiProperty({ type: String, nullable: true, description: 'the party whose contract is in force; null when it is the default' })
  partyId!: string | null;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the version of that card in force that day' })
  version!: number;

  @ApiProperty({ type: String, format: 'date', description: 'the date (YYYY-MM-DD) that version took effect' })
  effectiveFrom!: string;

  @ApiProperty({ type: () => RateCardTermsDto, description: 'the fee items and the settlement method in force' })
  terms!: RateCardTermsDto;
}

/** One contract version in a list. */
export class ContractVersionItemResponseDto {
  @ApiProperty({ type: String, description: 'the depositor’s party' })
  partyId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the version number, counting publications from 1' })
  version!: number;

  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai date (YYYY-MM-DD) the version takes effect' })
  effectiveFrom!: string;

  @ApiProperty({ type: () => RateCardTermsDto, description: 'the fee items and the settlement method' })
  terms!: RateCardTermsDto;

  @ApiProperty({ type: String, description: 'who published it (subject)' })
  publishedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was published' })
  publishedAt!: string;
}
