import { ApiProperty } from '@nestjs/swagger';
import { LOT_STATUSES } from './lots.query.dto';

/** A lot inventory made available, as the order desk sees it when applying for receipts. */
export class LotItemResponseDto {
  @ApiProperty({ type: String, example: 'lot-0190f6a2-7c1e-7d4b-9a55-3f1c2b8e4d10', description: 'the lot, as inventory names it' })
  lotId!: string;

  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity’s standard code' })
  commodity!: string;

  @ApiProperty({ type: String, example: '沙钢', description: 'brand' })
  brand!: string;

  @ApiProperty({ type: String, example: 'HRB400E', description: 'grade' })
  grade!: string;

  @ApiProperty({ type: String, example: 'WH-SH-01', description: 'the warehouse holding it' })
  warehouseId!: string;

  @ApiProperty({ type: String, example: 'SHED1-R01-S01', description: 'where it lies in the warehouse' })
  location!: string;

  @ApiProperty({ type: 'integer', description: 'pieces (bundles, coils) in the lot' })
  pieces!: number;

  @ApiProperty({ type: 'integer', description: 'net weight, integer kg' })
  weightKg!: number;

  @ApiProperty({ type: [String], format: 'date', description: 'the production dates of its pieces (YYYY-MM-DD)' })
  productionDates!: string[];

  @ApiProperty({ type: String, example: 'SC000042', description: 'the storage card that owns the goods' })
  ownerCard!: string;

  @ApiProperty({
    type: String,
    example: 'CIQ-2026-0311',
    description: 'inventory’s inspection report of the lot; empty when its inbound had no inspection (such a lot cannot back a receipt: LOT_NOT_INSPECTED)',
  })
  inspectionReportRef!: string;

  @ApiProperty({
    enum: LOT_STATUSES,
    description:
      'available (free to apply for), reserved (held for an issuance application), backing (behind a receipt), entitled (cancelled for a pickup, under the outbound entitlement), spot (cancelled to spot goods, in store) or shipped (gone); only available lots can back a new receipt',
  })
  status!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the issuance application holding it; null unless reserved' })
  applicationId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'WR00000042',
    description: 'the receipt it backs, or backed until that receipt’s cancellation; null when no receipt ever covered it',
  })
  receiptNumber!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'ENT-WR00000042',
    description: 'the outbound entitlement it was released to for a pickup; null otherwise',
  })
  entitlementId!: string | null;

  @ApiProperty({
    type: 'integer',
    description: 'unreleased stock holds inventory has on the goods (reservations, freezes); a lot with any cannot back a receipt (LOT_HELD_IN_STOCK)',
  })
  stockHolds!: number;
}
