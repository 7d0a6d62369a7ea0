import { ApiProperty } from '@nestjs/swagger';

/** An amount of goods: whole pieces and integer kilograms. */
export class QuantityResponseDto {
  @ApiProperty({ type: 'integer', description: 'pieces (bundles, coils, bales)' })
  pieces!: number;

  @ApiProperty({ type: 'integer', description: 'weight, integer kg' })
  kg!: number;
}
