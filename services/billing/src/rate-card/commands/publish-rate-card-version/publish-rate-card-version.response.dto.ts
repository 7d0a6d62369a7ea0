import { ApiProperty, OmitType } from '@nestjs/swagger';
import { RateCardVersionResponseDto } from '../../rate-card-version.response.dto';

/** The version a publication made: its number and date, without the terms the request carried. */
export class PublishRateCardVersionResponseDto extends OmitType(RateCardVersionResponseDto, ['terms'] as const) {
  @ApiProperty({ type: String, nullable: true, description: 'the depositor’s party whose contract this is; null for the warehouse’s published default' })
  partyId!: string | null;
}
