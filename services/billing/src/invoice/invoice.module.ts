import { Module } from '@nestjs/common';
import { StatementModule } from '../statement/statement.module';
import { AnswerInvoiceRequestHttpController } from './commands/answer-invoice-request/answer-invoice-request.http.controller';
import { InvoicingDetailsHttpController } from './commands/keep-invoicing-details/invoicing-details.http.controller';
import { InvoiceRequestsHttpController } from './commands/request-invoice/invoice-requests.http.controller';

/** VAT invoices: each party's invoicing details, requests per settled statement, the invoicing system's signed answers. */
@Module({
  imports: [StatementModule],
  controllers: [InvoicingDetailsHttpController, InvoiceRequestsHttpController, AnswerInvoiceRequestHttpController],
})
export class InvoiceModule {}
