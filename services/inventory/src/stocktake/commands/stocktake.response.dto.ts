import { ApiProperty } from '@nestjs/swagger';

const STOCKTAKE_STATUSES = ['counting', 'counted', 'closed'];
const STATUS_DESCRIPTION = 'counting, counted (variances found, to be explained) or closed (the book corrected)';

export class StartStocktakeResponseDto {
  @ApiProperty({ type: String, description: 'the stocktake (one per stocktake order)' })
  stocktakeId!: string;

  @ApiProperty({ type: 'integer', description: 'the stocktake’s version' })
  version!: number;

  @ApiProperty({ type: 'integer', description: 'pieces in the book snapshot taken at the start: what the count is compared with' })
  bookPieces!: number;
}

/** What counting a piece, finishing the count and explaining a variance answer. */
export class StocktakeChangeResponseDto {
  @ApiProperty({ type: String, description: 'the stocktake' })
  stocktakeId!: string;

  @ApiProperty({ type: 'integer', description: 'the stocktake’s version after the change' })
  version!: number;

  @ApiProperty({ enum: STOCKTAKE_STATUSES, description: STATUS_DESCRIPTION })
  status!: string;
}

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
