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
