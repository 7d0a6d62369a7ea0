import { ApiProperty } from '@nestjs/swagger';
import { QuantityResponseDto } from '../../../shared/quantity.response.dto';
import { VARIANCE_KINDS } from '../../domain/stocktake.events';

/** A stocktake as the list shows it. */
export class StocktakeItemResponseDto {
  @ApiProperty({ type: String, description: 'the stocktake' })
  stocktakeId!: string;

  @ApiProperty({ type: String, description: 'the stocktake work order it is done under' })
  orderId!: string;

  @ApiProperty({ type: String, example: 'WH-SH-01', description: 'the warehouse' })
  warehouse!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'SC-0001',
    description: 'the storage card whose goods are counted (the stocktake order’s owner); null for a stocktake recorded before stocktakes named it',
  })
  owner!: string | null;

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

/** The signed scale reading a counted weight came from. */
export class CountScaleReadingResponseDto {
  @ApiProperty({ type: String, example: 'SCALE-07', description: 'the scale: the device that signed the reading' })
  scaleId!: string;

  @ApiProperty({ type: String, example: 'R-2025-000417', description: 'the scale’s own id of the reading' })
  readingId!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when the scale weighed the piece' })
  weighedAt!: string;
}

/** The count of a variance’s piece: where it was found, by whom, and its counted weight with the reading behind it. */
export class StocktakeCountResponseDto {
  @ApiProperty({ type: String, example: 'SHED1-R01-S01', description: 'where the piece was found' })
  locationId!: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'its counted weight, integer kg: the signed scale’s net when a reading stands behind it, else as typed at the count; null when not weighed',
  })
  weighedKg!: number | null;

  @ApiProperty({
    type: () => CountScaleReadingResponseDto,
    nullable: true,
    description: 'the signed scale reading the counted weight came from; null when typed by hand or not weighed',
  })
  scaleReading!: CountScaleReadingResponseDto | null;

  @ApiProperty({ type: String, description: 'who scanned the piece (subject)' })
  countedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was scanned' })
  countedAt!: string;
}

/** A manager’s approval of a variance: what lets a loss (or a weight typed by hand) change the book. */
export class VarianceApprovalResponseDto {
  @ApiProperty({ type: String, example: 'manager-2', description: 'the manager who approved it (subject); never one who counted the stocktake' })
  approver!: string;

  @ApiProperty({ type: String, example: 'searched rows 1–3 twice; written off', description: 'why the manager approved it' })
  reason!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when' })
  at!: string;
}

/** A step of a stocktake’s status history. */
export class StocktakeStatusChangeResponseDto {
  @ApiProperty({ enum: ['counting', 'counted', 'closed'], description: 'the status entered: counting (started), counted (count finished), closed' })
  status!: string;

  @ApiProperty({ type: String, description: 'who started it, finished the count or closed it (subject)' })
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

  @ApiProperty({
    type: () => StocktakeCountResponseDto,
    nullable: true,
    description: 'the count of its piece, with the scale reading behind its counted weight; null for a piece not counted (a missing piece)',
  })
  count!: StocktakeCountResponseDto | null;

  @ApiProperty({ type: () => VarianceExplanationResponseDto, isArray: true, description: 'its explanations by the counters, oldest first' })
  explanations!: VarianceExplanationResponseDto[];

  @ApiProperty({ type: () => VarianceApprovalResponseDto, nullable: true, description: 'the manager’s approval; null while it has none' })
  approval!: VarianceApprovalResponseDto | null;
}

/** One stocktake with its status history and its variances with their evidence. */
export class StocktakeResponseDto extends StocktakeItemResponseDto {
  @ApiProperty({ type: () => StocktakeStatusChangeResponseDto, isArray: true, description: 'each status it entered, oldest first' })
  statusHistory!: StocktakeStatusChangeResponseDto[];

  @ApiProperty({ type: () => StocktakeVarianceResponseDto, isArray: true, description: 'the variances found, by variance id' })
  varianceList!: StocktakeVarianceResponseDto[];
}
