import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

/** A new version of a commodity's inbound weight tolerance (rule INV-TOLERANCE-VERSIONS). */
export class PublishWeightToleranceRequestDto {
  @ApiProperty({
    format: 'date',
    maxLength: 10,
    example: '2025-04-01',
    description: 'the first day (Asia/Shanghai) lots opened for this commodity use it: today or later, and after the latest version',
  })
  @IsString()
  @MaxLength(10)
  effectiveFrom!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 10_000,
    example: 30,
    description:
      'how far a lot’s net weight may differ from the inbound notice, in basis points of the expected weight (30 = ±0.3%), as the storage contract with the depositor or the exchange’s delivery rules for the commodity set it',
  })
  @IsInt()
  @Min(0)
  @Max(10_000)
  toleranceBps!: number;
}
