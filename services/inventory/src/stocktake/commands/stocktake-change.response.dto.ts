import { ApiProperty } from '@nestjs/swagger';

/** What counting a piece, a scale reading, finishing the count, explaining and approving a variance answer. */
export class StocktakeChangeResponseDto {
  @ApiProperty({ type: String, description: 'the stocktake' })
  stocktakeId!: string;

  @ApiProperty({ type: 'integer', description: 'the stocktake’s version after the change' })
  version!: number;

  @ApiProperty({
    enum: ['counting', 'counted', 'closed'],
    description: 'counting, counted (variances found, to be explained) or closed (the book corrected)',
  })
  status!: string;
}
