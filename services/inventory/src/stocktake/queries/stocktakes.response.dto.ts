import { ApiProperty } from '@nestjs/swagger';
import { QuantityResponseDto } from '../../shared/quantity.response.dto';
import { VARIANCE_KINDS } from '../domain/stocktake.events';

/** A stocktake as the list shows it. */
export class StocktakeItemResponseDto {
  @ApiProperty({ type: String, description: 'the stocktake' })
  stocktakeId!: string;

  @ApiProperty({ type: String, description: 'the stocktake work order it is done under' })
  orderId!: string;

  @ApiProperty({ type: String, example: 'WH-SH-01', description: 'the warehouse' })
  warehouse!: string;

  @ApiProperty({ type: [String], example: ['SHED1-R01-S01'], description: 'the locations counted' })
  locationIds!: string[];

  @ApiProperty({ enum: ['counting', 'counted', 'closed'], description: 'counting, counted (variances found, to be explained) or closed (the book corrected)' })
  status!: string;

  @ApiProperty({ type: 'integer', description: 'pieces in the book snapshot taken at the start' })
  bookPieces!: number;

  @ApiProperty({ type: 'integer', description: 'pieces counted so far' })
  countedPieces!: number;

  @ApiProperty({ type: 'integer', description: 'variances found when the count was finished (0 before)' })
  variances!: number;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was started' })
  startedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when it was closed; null until then' })
  closedAt!: string | null;
}

export class VarianceExplanationResponseDto {
  @ApiProperty({ type: String, example: 'bundle relabelled after damage in unloading', description: 'why the variance happened' })
  explanation!: string;

  @ApiProperty({ type: String, description: 'who explained it (subject)' })
  by!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when' })
  at!: string;
}

/** A difference between the book and the count. */
export class StocktakeVarianceResponseDto {
  @ApiProperty({ type: String, example: 'missing_piece:RB20-000001', description: 'the variance: <kind>:<barcode>' })
  varianceId!: string;

  @ApiProperty({ enum: VARIANCE_KINDS, description: 'what kind of difference' })
  kind!: string;

  @ApiProperty({ enum: ['not_counted', 'not_in_book', 'counted_elsewhere', 'weight_outside_tolerance'], description: 'what was observed' })
  reason!: string;

  @ApiProperty({ type: String, example: 'RB20-000001', description: 'the piece' })
  barcode!: string;

  @ApiProperty({ type: String, nullable: true, description: 'its lot, by the book; null for a piece not in the book' })
  lotId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the storage card owning it, by the book; null for a piece not in the book' })
  owner!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'where the book has it; null for a piece not in the book' })
  bookLocationId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'where it was counted; null for a piece not counted' })
  countedLocationId!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'its weight by the book, integer kg; null for a piece not in the book' })
  bookKg!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'its weight as counted, integer kg; null when not weighed at the count' })
  countedKg!: number | null;

  @ApiProperty({
    type: () => QuantityResponseDto,
    description: 'the change it makes to the lot’s stock when the stocktake closes (negative for a loss; zero when it changes none)',
  })
  delta!: QuantityResponseDto;

  @ApiProperty({ type: () => VarianceExplanationResponseDto, isArray: true, description: 'its explanations, oldest first' })
  explanations!: VarianceExplanationResponseDto[];
}

/** One stocktake with its variances and their explanations. */
export class StocktakeResponseDto extends StocktakeItemResponseDto {
  @ApiProperty({ type: () => StocktakeVarianceResponseDto, isArray: true, description: 'the variances found, by variance id' })
  varianceList!: StocktakeVarianceResponseDto[];
}
