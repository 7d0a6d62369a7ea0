import { ApiProperty } from '@nestjs/swagger';
import { QuantityResponseDto } from '../../shared/quantity.response.dto';
import { ENTITLEMENT_PURPOSES, RECEIPT_HOLD_KINDS } from '../domain/lot-title.events';
import { HOLD_KINDS } from '../../stock/domain/stock.commands';

/** Something that holds a lot's goods: a hold on the receipt it backs, or a hold on the stock itself. */
export class LotEncumbranceResponseDto {
  @ApiProperty({
    enum: ['receipt', 'stock'],
    description: 'receipt: a hold on the receipt the lot backs (lifted in the receipt service); stock: a hold on goods no receipt backs',
  })
  source!: string;

  @ApiProperty({ type: String, description: 'the hold’s id in its source' })
  holdId!: string;

  @ApiProperty({ enum: [...RECEIPT_HOLD_KINDS, ...HOLD_KINDS], description: 'pledge, freeze or delivery (receipt); reservation or freeze (stock)' })
  kind!: string;

  @ApiProperty({ type: String, example: 'bank-icbc', description: 'who the hold protects (the only party that lifts it)' })
  beneficiary!: string;

  @ApiProperty({ type: String, nullable: true, example: 'ICBC Shanghai', description: 'the beneficiary’s name, for a receipt hold' })
  beneficiaryName!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the receipt held, for a receipt hold' })
  receiptNumber!: string | null;

  @ApiProperty({ type: () => QuantityResponseDto, nullable: true, description: 'what a stock hold holds; null for a receipt hold, which holds the whole lot' })
  quantity!: QuantityResponseDto | null;

  @ApiProperty({ type: String, description: 'why' })
  reason!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was placed' })
  placedAt!: string;
}

/** The outbound entitlement a cancelled receipt left on the lot. */
export class LotEntitlementResponseDto {
  @ApiProperty({ type: String, example: 'ENT-WR-2026-000017', description: 'the entitlement: its lots leave only under the outbound order that carries it' })
  entitlementId!: string;

  @ApiProperty({ enum: ENTITLEMENT_PURPOSES, description: 'pickup or spot conversion' })
  purpose!: string;
}

/** What every per-lot stock view tells of the lot's title; `owner` beside it is the title's holder. */
export class LotTitleFieldsResponseDto {
  @ApiProperty({ type: String, nullable: true, example: 'WR-2026-000017', description: 'the live receipt the lot backs; null when none does' })
  receiptNumber!: string | null;

  @ApiProperty({
    type: () => LotEntitlementResponseDto,
    nullable: true,
    description: 'the entitlement of a cancelled receipt, while its goods await leaving; null otherwise',
  })
  entitlement!: LotEntitlementResponseDto | null;

  @ApiProperty({ type: () => LotEncumbranceResponseDto, isArray: true, description: 'receipt holds and stock holds on the lot, oldest first' })
  encumbrances!: LotEncumbranceResponseDto[];
}

/** What the per-lot lists (lots, stock) both show first: the lot, its warehouse and owner, its commodity, and its title. */
export class LotHeadingResponseDto extends LotTitleFieldsResponseDto {
  @ApiProperty({ type: String, description: 'the lot' })
  lotId!: string;

  @ApiProperty({ type: String, example: 'WH-SH-01', description: 'the warehouse' })
  warehouse!: string;

  @ApiProperty({
    type: String,
    example: 'SC000042',
    description: 'the storage card that owns the goods: the holder of the receipt the lot backs, or of its entitlement',
  })
  owner!: string;

  @ApiProperty({ type: String, example: 'rb-400e-20-sg', description: 'the commodity code' })
  commodity!: string;

  @ApiProperty({ type: String, example: '螺纹钢 HRB400E Φ20 沙钢', description: 'the commodity’s standard name' })
  standardName!: string;
}
