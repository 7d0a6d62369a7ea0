import { ApiProperty } from '@nestjs/swagger';
import { FEE_ITEMS, type FeeItem } from '../../domain/holding.events';

/** One fee charged to a party, as published on billing.fee.v1, and its reversal if any. */
export class FeeItemResponseDto {
  @ApiProperty({ type: String, description: 'deterministic: storage:<receipt or lot>:<day>[:<n>], transfer:<transfer id>, load_in:<lot>, load_out:<shipment>' })
  feeId!: string;

  @ApiProperty({ type: String, description: 'the party charged' })
  partyId!: string;

  @ApiProperty({ enum: FEE_ITEMS, description: 'the fee item' })
  item!: FeeItem;

  @ApiProperty({ type: String, nullable: true, description: 'the receipt the fee is on; null when none' })
  receiptNumber!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the lot the fee is on; null when none' })
  lotId!: string | null;

  @ApiProperty({ type: String, format: 'date', description: 'the Asia/Shanghai day the fee is owed for' })
  serviceDate!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the trading day it is charged on (a holiday’s storage on the trading day before it)' })
  chargedOn!: string;

  @ApiProperty({ type: 'integer', description: 'the actual weight charged, in kg' })
  weightKg!: number;

  @ApiProperty({ type: 'integer', description: 'the rate, in fen per tonne (per tonne per day for storage)' })
  rateFen!: number;

  @ApiProperty({ type: 'integer', description: 'the fee, in fen; negative for an over/short credited to the party (a short at load-out)' })
  amountFen!: number;

  @ApiProperty({
    enum: ['contract', 'default', 'settlement_price'],
    description: 'what priced it: the party’s contract or the published default, or (over/short) the exchange’s settlement price',
  })
  rateSource!: 'contract' | 'default' | 'settlement_price';

  @ApiProperty({ type: 'integer', description: 'the version of that rate card' })
  rateVersion!: number;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was charged' })
  accruedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when it was reversed in full; null while it stands' })
  reversedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'why it was reversed; null while it stands' })
  reversalReason!: string | null;
}
