import { ApiProperty } from '@nestjs/swagger';

export class WeightToleranceVersionResponseDto {
  @ApiProperty({ type: 'integer', description: 'the version number, 1 for the commodity’s first' })
  version!: number;

  @ApiProperty({ type: String, format: 'date', description: 'the first day (Asia/Shanghai) it is in force; it holds until the next version’s' })
  effectiveFrom!: string;

  @ApiProperty({ type: 'integer', description: 'the tolerance in basis points of the expected weight' })
  toleranceBps!: number;
}

export class WeightTolerancesResponseDto {
  @ApiProperty({ type: String, description: 'the commodity code' })
  code!: string;

  @ApiProperty({ type: () => WeightToleranceVersionResponseDto, isArray: true, description: 'every version published, oldest first; never edited' })
  versions!: WeightToleranceVersionResponseDto[];
}
