import { LotHeadingResponseDto } from '../../registry/queries/lot-title.response.dto';
import { ApiProperty } from '@nestjs/swagger';
import { NamedCommodityResponseDto } from '../../commodity/standard-commodity.response.dto';
import { PIECE_KINDS } from '../domain/lot.commands';
import { QuantityResponseDto } from '../../shared/quantity.response.dto';

const LOT_STATUSES = ['receiving', 'available', 'rejected'];
const STATUS_DESCRIPTION = 'receiving (being unloaded, weighed, inspected, put away), available (in stock) or rejected';

export class LotInspectionResponseDto {
  @ApiProperty({ enum: ['passed', 'failed'], description: 'the inspection’s verdict' })
  result!: string;

  @ApiProperty({ type: String, example: 'QC-2025-0304-01', description: 'the inspection report' })
  reportRef!: string;
}

/** A lot as the list shows it (from the read model). */
export class LotItemResponseDto extends LotHeadingResponseDto {
  @ApiProperty({ type: String, description: 'the inbound work order it is received under' })
  orderId!: string;

  @ApiProperty({ enum: LOT_STATUSES, description: STATUS_DESCRIPTION })
  status!: string;

  @ApiProperty({ type: () => QuantityResponseDto, description: 'what the inbound notice announced' })
  expected!: QuantityResponseDto;

  @ApiProperty({ type: 'integer', description: 'pieces scanned' })
  pieces!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'the lot’s net weight, integer kg; null until weighing is finished' })
  netKg!: number | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'whether the net is within tolerance of the notice; null until weighing is finished' })
  withinTolerance!: boolean | null;

  @ApiProperty({ type: () => LotInspectionResponseDto, nullable: true, description: 'the inspection; null until inspected' })
  inspection!: LotInspectionResponseDto | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'when the lot was opened (its first scan)' })
  openedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when it became available; null until then' })
  availableAt!: string | null;
}

export class LotChecksResponseDto {
  @ApiProperty({ type: Boolean, description: 'weights must come from a signed scale reading (no manual weighing)' })
  scaleReadingRequired!: boolean;

  @ApiProperty({ type: Boolean, description: 'the lot must pass an inspection before it is available' })
  inspectionRequired!: boolean;

  @ApiProperty({ type: 'integer', description: 'the weight tolerance against the notice, in basis points' })
  toleranceBps!: number;
}

export class LotWeighedResponseDto {
  @ApiProperty({ type: 'integer', description: 'the lot’s net weight, integer kg' })
  netKg!: number;

  @ApiProperty({ type: Boolean, description: 'whether it is within tolerance of the notice (beyond it, an alarm is raised)' })
  withinTolerance!: boolean;
}

/** One lot as its stream has it now. */
export class LotResponseDto {
  @ApiProperty({ type: String, description: 'the lot' })
  lotId!: string;

  @ApiProperty({ type: String, description: 'the inbound work order it is received under' })
  orderId!: string;

  @ApiProperty({ enum: LOT_STATUSES, description: STATUS_DESCRIPTION })
  status!: string;

  @ApiProperty({ type: String, example: 'WH-SH-01', description: 'the warehouse' })
  warehouse!: string;

  @ApiProperty({
    type: String,
    example: 'SC000042',
    description: 'the storage card that owns the goods: the holder of the receipt the lot backs, or of its entitlement',
  })
  owner!: string;

  @ApiProperty({ type: () => NamedCommodityResponseDto, description: 'the commodity, part by part, with its standard name' })
  commodity!: NamedCommodityResponseDto;

  @ApiProperty({ type: () => QuantityResponseDto, description: 'what the inbound notice announced' })
  expected!: QuantityResponseDto;

  @ApiProperty({ type: () => LotChecksResponseDto, description: 'what the order’s workflow demands of its receiving' })
  checks!: LotChecksResponseDto;

  @ApiProperty({ type: 'integer', description: 'pieces scanned' })
  pieces!: number;

  @ApiProperty({ type: Boolean, description: 'the tally is closed: the pieces scanned are the pieces received' })
  tallyFinished!: boolean;

  @ApiProperty({ type: () => LotWeighedResponseDto, nullable: true, description: 'the weighing’s verdict; null until weighing is finished' })
  weighed!: LotWeighedResponseDto | null;

  @ApiProperty({ type: () => LotInspectionResponseDto, nullable: true, description: 'the inspection; null until inspected' })
  inspection!: LotInspectionResponseDto | null;

  @ApiProperty({ type: [String], example: ['SCALE-07-000123'], description: 'the weighings recorded for it, in order' })
  readingIds!: string[];
}

export class TallySheetLineResponseDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'the line, in scan order from 1' })
  line!: number;

  @ApiProperty({ type: String, example: 'RB20-000001', description: 'the piece’s barcode label' })
  barcode!: string;

  @ApiProperty({ enum: PIECE_KINDS, description: 'bundle, coil or bale' })
  kind!: string;

  @ApiProperty({ type: String, format: 'date', description: 'its production date (YYYY-MM-DD)' })
  productionDate!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'its net weight, integer kg (for a vehicle weighing, its even share); null until weighed' })
  netKg!: number | null;

  @ApiProperty({ enum: ['piece', 'vehicle_share'], nullable: true, description: 'weighed on its own, or as a share of a vehicle’s net; null until weighed' })
  weighedAs!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the weighing it was weighed in; null until weighed' })
  readingId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'where it was put away; null until then' })
  locationId!: string | null;
}

export class TallySheetTotalsResponseDto {
  @ApiProperty({ type: 'integer', description: 'pieces on the sheet' })
  pieces!: number;

  @ApiProperty({ type: 'integer', description: 'of those, pieces weighed' })
  weighedPieces!: number;

  @ApiProperty({ type: 'integer', description: 'net weight of the weighed pieces, integer kg' })
  netKg!: number;
}

/** The tally sheet (码单) of a lot, derived from its scans and weighings. */
export class TallySheetResponseDto {
  @ApiProperty({ type: String, description: 'the lot' })
  lotId!: string;

  @ApiProperty({ type: String, description: 'the inbound work order' })
  orderId!: string;

  @ApiProperty({
    type: String,
    example: 'SC000042',
    description: 'the storage card that owns the goods: the holder of the receipt the lot backs, or of its entitlement',
  })
  owner!: string;

  @ApiProperty({ type: String, example: '螺纹钢 HRB400E Φ20 沙钢', description: 'the commodity’s standard name' })
  commodity!: string;

  @ApiProperty({ type: () => TallySheetLineResponseDto, isArray: true, description: 'one line per piece, in scan order' })
  lines!: TallySheetLineResponseDto[];

  @ApiProperty({ type: () => TallySheetTotalsResponseDto, description: 'the sheet’s totals' })
  totals!: TallySheetTotalsResponseDto;
}
