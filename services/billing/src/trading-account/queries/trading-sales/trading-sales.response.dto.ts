import { ApiProperty } from '@nestjs/swagger';

/** One paid take: its invoice deposit, the seller's VAT invoice and the month the buyer's is issued in. */
export class TradingSaleResponseDto {
  @ApiProperty({ type: String, example: 'T-1', description: 'the take' })
  takeId!: string;

  @ApiProperty({ type: String, description: 'the seller' })
  sellerPartyId!: string;

  @ApiProperty({ type: String, description: 'the buyer' })
  buyerPartyId!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the trade day' })
  tradeDay!: string;

  @ApiProperty({ type: 'integer', description: 'the proceeds, fen' })
  proceedsFen!: number;

  @ApiProperty({ type: 'integer', description: 'the invoice deposit withheld from the seller, fen' })
  invoiceDepositFen!: number;

  @ApiProperty({ type: String, format: 'date', description: 'the seller’s invoice is due by this trading day (5 trading days after the trade day)' })
  invoiceDueDay!: string;

  @ApiProperty({ type: String, example: '2026-12', description: 'the month the exchange issues the buyer’s VAT invoice in (by the 20th cutoff, 第四十五条)' })
  buyerInvoiceMonth!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the seller’s invoice number, once received' })
  invoiceNumber!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the day the seller’s invoice was received' })
  invoiceReceivedOn!: string | null;

  @ApiProperty({
    enum: ['awaiting', 'received', 'verified', 'forfeited'],
    description: 'the seller’s invoice: awaited, received, verified (deposit released), or forfeited (over 30 days late)',
  })
  status!: 'awaiting' | 'received' | 'verified' | 'forfeited';

  @ApiProperty({ type: 'integer', nullable: true, description: 'calendar days late when the deposit was settled' })
  daysLate!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'the late penalty, fen (第四十八条)' })
  penaltyFen!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'what went back to the seller’s balance, fen' })
  releasedFen!: number | null;
}
