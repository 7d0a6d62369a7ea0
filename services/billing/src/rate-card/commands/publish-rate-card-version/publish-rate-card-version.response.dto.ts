import { ApiProperty } from '@nestjs/swagger';

export class PublishRateCardVersionResponseDto {
  @ApiProperty({ type: String, nullable: true, description: 'the depositor’s party whose contract this is; null for the warehouse’s published default' })
  partyId!: string | null;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'the version number this publication got (publications are counted from 1)' })
  version!: number;

  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai date (YYYY-MM-DD) it takes effect' })
  effectiveFrom!: string;
}
