import { ApiProperty } from '@nestjs/swagger';
import type { TradingInvoice } from '../../domain/trading-account.state';

/** A sale's invoice deposit and the seller's VAT invoice. */
export class TradingInvoiceResponseDto {
  @ApiProperty({ type: String, example: 'T-1', description: 'the take (the sale)' })
  takeId!: string;

  @ApiProperty({ type: 'integer', description: 'the proceeds of the sale, fen' })
  proceedsFen!: number;

  @ApiProperty({ type: 'integer', description: 'the invoice deposit withheld (20% of the proceeds), fen' })
  depositFen!: number;

  @ApiProperty({ type: String, format: 'date', description: 'the trade day' })
  tradeDay!: string;

  @ApiProperty({ type: String, format: 'date', description: 'the last trading day the invoice is on time (5 trading days after the trade day)' })
  dueDay!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the invoice number, once received' })
  invoiceNumber!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the day it was received' })
  receivedOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the exchange verifies it by this trading day (2 trading days after receipt)' })
  verifyBy!: string | null;

  @ApiProperty({
    enum: ['awaiting', 'received', 'released'],
    description: 'awaiting the invoice, received (to verify), or the deposit released (less any penalty)',
  })
  status!: 'awaiting' | 'received' | 'released';
}

export const tradingInvoiceView = (invoice: TradingInvoice): TradingInvoiceResponseDto => ({ ...invoice });
