import { ApiProperty } from '@nestjs/swagger';
import { RateCardTermsDto } from './commands/publish-rate-card-version/publish-rate-card-version.request.dto';

/** One version of a rate card: the fields every answer about a version shares. */
export class RateCardVersionResponseDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'the version number, counting publications from 1' })
  version!: number;

  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai date (YYYY-MM-DD) the version takes effect' })
  effectiveFrom!: string;

  @ApiProperty({ type: () => RateCardTermsDto, description: 'the fee items and the settlement method' })
  terms!: RateCardTermsDto;
}
