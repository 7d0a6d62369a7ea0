import { ApiProperty } from '@nestjs/swagger';

export class CloseStocktakeResponseDto {
  @ApiProperty({ type: String, description: 'the stocktake' })
  stocktakeId!: string;

  @ApiProperty({ type: 'integer', description: 'the stocktake’s version after closing' })
  version!: number;

  @ApiProperty({ enum: ['closed'], description: 'always closed' })
  status!: string;

  @ApiProperty({
    type: 'integer',
    description: 'the variances the stocktake found; each that changes a lot’s stock was applied to it, with its explanations as the reason',
  })
  variancesApplied!: number;
}
