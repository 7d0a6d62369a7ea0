import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** The seller's VAT invoice of a sale, as received. */
export class RecordTradingInvoiceRequestDto {
  @ApiProperty({ type: String, example: '04412345', description: 'the VAT special invoice number (发票号码), 8–20 digits or letters' })
  @IsString()
  @Matches(/^[A-Za-z0-9]{8,20}$/, { message: 'invoiceNumber must be 8-20 letters or digits' })
  invoiceNumber!: string;
}
