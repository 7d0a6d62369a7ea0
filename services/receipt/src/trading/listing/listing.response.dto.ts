import { ApiProperty } from '@nestjs/swagger';

/** A listing's quote as listed. */
export class ListingQuoteResponseDto {
  @ApiProperty({ enum: ['full', 'basis'], description: 'full price, or a futures contract plus a premium' })
  kind!: 'full' | 'basis';

  @ApiProperty({ type: String, example: 'rb2610', description: 'the basis quote’s contract; empty for a full price' })
  contract!: string;

  @ApiProperty({ type: 'integer', example: -1_500, description: 'the basis premium in fen per tonne (negative: a discount); 0 for a full price' })
  premiumFenPerTonne!: number;

  @ApiProperty({
    type: 'integer',
    example: 350_500,
    description: 'the price in fen per tonne every take pays (a basis quote: the contract’s prior settlement + premium)',
  })
  priceFenPerTonne!: number;
}

/** One receipt of a listing and where it stands on it. */
export class ListingReceiptResponseDto {
  @ApiProperty({ type: String, example: 'WR00000042', description: 'the receipt' })
  receiptNumber!: string;

  @ApiProperty({ type: 'integer', example: 300_000, description: 'its weight in kg' })
  weightKg!: number;

  @ApiProperty({
    enum: ['available', 'reserved', 'sold', 'unsold'],
    description: 'available to a take, reserved for a take awaiting payment, sold (title moved to the buyer), or unsold (the listing closed; out of trading)',
  })
  state!: 'available' | 'reserved' | 'sold' | 'unsold';
}

/** A listing (挂牌) as its seller, the traders and the exchange see it. */
export class ListingResponseDto {
  @ApiProperty({ type: String, description: 'the listing' })
  listingId!: string;

  @ApiProperty({ enum: ['open', 'closed'], description: 'open for takes on its trading day, or closed' })
  status!: 'open' | 'closed';

  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['withdrawn', 'cancelled', 'expired', null],
    description: 'why it closed: withdrawn by the seller, cancelled by the exchange, expired at the day’s close',
  })
  closeReasonCode!: string | null;

  @ApiProperty({ type: String, description: 'the seller’s party' })
  sellerPartyId!: string;

  @ApiProperty({ type: String, example: 'SC000042', description: 'the seller’s trading account (its storage card number)' })
  sellerAccountNumber!: string;

  @ApiProperty({ type: String, example: 'rebar', description: 'the commodity' })
  commodity!: string;

  @ApiProperty({ type: String, description: 'the warehouse of every receipt' })
  warehouse!: string;

  @ApiProperty({ type: String, description: 'the brand of every receipt' })
  brand!: string;

  @ApiProperty({ type: String, description: 'the grade of every receipt' })
  grade!: string;

  @ApiProperty({ enum: ['whole', 'partial'], description: 'whole: one take buys everything; partial: a take buys at least minTake' })
  mode!: 'whole' | 'partial';

  @ApiProperty({ type: 'integer', nullable: true, description: 'a partial listing’s least take; null for a whole listing' })
  minTake!: number | null;

  @ApiProperty({ type: () => ListingQuoteResponseDto, description: 'the quote' })
  quote!: ListingQuoteResponseDto;

  @ApiProperty({ type: String, format: 'date', example: '2026-04-01', description: 'the trading day the listing is for' })
  tradingDay!: string;

  @ApiProperty({ type: String, example: '15:00', description: 'Shanghai time the listing expires at on its trading day if still open' })
  closesAt!: string;

  @ApiProperty({ type: () => ListingReceiptResponseDto, isArray: true, description: 'its receipts in the order takes buy them' })
  receipts!: ListingReceiptResponseDto[];

  @ApiProperty({ type: 'integer', description: 'receipts still available to a take' })
  remainingReceipts!: number;

  @ApiProperty({ type: 'integer', description: 'their weight in kg' })
  remainingKg!: number;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was posted' })
  postedAt!: string;
}

/** A listing as a command answers it, with its stream version (also its ETag). */
export class ListingChangeResponseDto extends ListingResponseDto {
  @ApiProperty({ type: 'integer', description: 'the listing’s version after the change' })
  version!: number;
}
