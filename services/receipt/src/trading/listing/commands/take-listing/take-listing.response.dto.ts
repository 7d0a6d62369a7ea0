import { ApiProperty } from '@nestjs/swagger';

export class TakenReceiptResponseDto {
  @ApiProperty({ type: String, example: 'WR00000042', description: 'a receipt of the take' })
  receiptNumber!: string;

  @ApiProperty({ type: 'integer', example: 300_000, description: 'its weight in kg' })
  weightKg!: number;
}

/** A take (摘牌) and where it stands: reserved until billing pays (settled) or refuses (released). */
export class TakeResponseDto {
  @ApiProperty({ type: String, description: 'the take' })
  takeId!: string;

  @ApiProperty({ type: String, description: 'the listing taken' })
  listingId!: string;

  @ApiProperty({
    enum: ['reserved', 'settled', 'released', 'stuck'],
    description:
      'reserved (awaiting payment), settled (paid, title moved to the buyer), released (payment refused; the receipts went back) or stuck (paid but the title could not move: the exchange resolves it)',
  })
  state!: 'reserved' | 'settled' | 'released' | 'stuck';

  @ApiProperty({ type: String, nullable: true, description: 'why it was released or is stuck (a stable code)' })
  reasonCode!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the reason in words' })
  reason!: string | null;

  @ApiProperty({ type: String, description: 'the buyer’s party' })
  buyerPartyId!: string;

  @ApiProperty({ type: String, description: 'the seller’s party' })
  sellerPartyId!: string;

  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity' })
  commodity!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the trading day' })
  tradingDay!: string;

  @ApiProperty({ type: () => TakenReceiptResponseDto, isArray: true, description: 'the receipts taken, in the listing’s order' })
  receipts!: TakenReceiptResponseDto[];

  @ApiProperty({ type: 'integer', description: 'their weight in kg' })
  weightKg!: number;

  @ApiProperty({ type: 'integer', description: 'the listing’s price in fen per tonne' })
  priceFenPerTonne!: number;

  @ApiProperty({ type: 'integer', description: 'price × weight in fen, rounded half up to the fen' })
  proceedsFen!: number;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was reserved' })
  reservedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when it was settled, released or found stuck' })
  resolvedAt!: string | null;
}
