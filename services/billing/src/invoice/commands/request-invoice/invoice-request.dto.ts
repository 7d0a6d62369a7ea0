import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { InvoicingDetailsDto } from '../keep-invoicing-details/invoicing-details.dto';

export class RequestInvoiceRequestDto {
  @ApiProperty({ type: String, minLength: 1, example: 'STMT-2026-10-P-HENGDA', description: 'the statement whose fees the invoice is for' })
  @IsString()
  @MinLength(1)
  statementId!: string;
}

export class InvoiceRequestResponseDto {
  @ApiProperty({ type: String, example: 'STMT-2026-10-P-HENGDA-R1', description: '<statementId>-R<attempt>' })
  requestId!: string;

  @ApiProperty({ type: String, description: 'the statement invoiced' })
  statementId!: string;

  @ApiProperty({ type: String, description: 'the depositor party' })
  partyId!: string;

  @ApiProperty({ type: 'integer', description: 'fen invoiced: the statement’s charges net of reversals, all settled' })
  amountFen!: number;

  @ApiProperty({ enum: ['requested', 'issued', 'rejected'], description: 'requested until the invoicing system answers' })
  status!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the invoice number, once issued' })
  invoiceNumber!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'why the invoicing system rejected it' })
  rejection!: string | null;

  @ApiProperty({ type: () => InvoicingDetailsDto, description: 'the buyer’s details as they were when requested' })
  details!: InvoicingDetailsDto;
}

/** The invoicing system's answer to one request. */
export class InvoiceAnswerRequestDto {
  @ApiProperty({ enum: ['issued', 'rejected'], description: 'issued (with the invoice number) or rejected (with a reason)' })
  @IsIn(['issued', 'rejected'])
  status!: 'issued' | 'rejected';

  @ApiProperty({ type: String, required: false, maxLength: 40, description: 'the invoice number, when issued' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  invoiceNumber?: string;

  @ApiProperty({ type: String, required: false, maxLength: 2000, description: 'why, when rejected' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
