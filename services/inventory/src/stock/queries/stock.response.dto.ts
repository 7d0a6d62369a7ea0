import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { PIECE_KINDS } from '../../lot/domain/lot.commands';
import { LotHeadingResponseDto } from '../../registry/queries/lot-title.response.dto';
import { StockLevelsResponseDto } from '../commands/stock-hold.response.dto';

/** A lot’s stock, owned by the holder of its title. */
export class StockLotItemResponseDto extends IntersectionType(LotHeadingResponseDto, StockLevelsResponseDto) {
  @ApiProperty({ type: String, format: 'date-time', description: 'when the lot was booked into stock' })
  receivedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when its stock last changed' })
  updatedAt!: string;
}

/** One piece and where it lies. */
export class StockPieceItemResponseDto {
  @ApiProperty({ type: String, example: 'RB20-000001', description: 'the piece’s barcode label (unique in its warehouse)' })
  barcode!: string;

  @ApiProperty({ type: String, example: 'WH-SH-01', description: 'the warehouse' })
  warehouse!: string;

  @ApiProperty({ type: String, description: 'its lot' })
  lotId!: string;

  @ApiProperty({ type: String, example: 'SC000042', description: 'the storage card that owns it' })
  owner!: string;

  @ApiProperty({ type: String, example: 'rb-400e-20-sg', description: 'the commodity code' })
  commodity!: string;

  @ApiProperty({ enum: PIECE_KINDS, description: 'bundle, coil or bale' })
  kind!: string;

  @ApiProperty({ type: String, format: 'date', description: 'its production date (YYYY-MM-DD)' })
  productionDate!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'its net weight, integer kg; null until weighed' })
  netKg!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'SHED1-R01-S01', description: 'where it lies; null before put-away and once removed' })
  locationId!: string | null;

  @ApiProperty({
    enum: ['receiving', 'in_stock', 'rejected', 'removed'],
    description: 'receiving, in_stock (its lot is available), rejected, or removed (gone from its location)',
  })
  status!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was scanned in' })
  scannedAt!: string;
}

/** One movement of a lot’s goods. */
export class StockMovementItemResponseDto {
  @ApiProperty({ type: String, description: 'the lot' })
  lotId!: string;

  @ApiProperty({
    enum: ['received', 'put_away', 'moved_in', 'moved_out', 'removed', 'shipped_out', 'stocktake_variance'],
    description: 'what moved the goods',
  })
  kind!: string;

  @ApiProperty({ type: String, example: 'WH-SH-01', description: 'the warehouse' })
  warehouse!: string;

  @ApiProperty({ type: String, example: 'SC000042', description: 'the storage card that owns the goods' })
  owner!: string;

  @ApiProperty({ type: String, example: 'rb-400e-20-sg', description: 'the commodity code' })
  commodity!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the location concerned (put away to, moved into or out of, removed from); null for received, shipped_out and stocktake_variance',
  })
  locationId!: string | null;

  @ApiProperty({ type: 'integer', description: 'pieces, signed: negative for goods leaving (moved_out, removed, shipped_out, a stocktake loss)' })
  pieces!: number;

  @ApiProperty({ type: 'integer', description: 'weight in integer kg, signed like pieces' })
  kg!: number;

  @ApiProperty({ type: String, nullable: true, description: 'the work order it was done under; null for a stocktake correction' })
  orderId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'for a stocktake correction, why (its explanations); else null' })
  reason!: string | null;

  @ApiProperty({ type: String, description: 'who did it (subject)' })
  actor!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when' })
  at!: string;
}
