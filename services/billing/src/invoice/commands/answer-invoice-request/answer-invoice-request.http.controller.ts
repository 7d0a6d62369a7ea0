import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EventStore, handleCommand } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { callerMetadataOf, CLOCK, Idempotent, IntegrationApi, Roles, CurrentCaller, type Caller } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { invoiceRequestDecider } from '../../domain/invoice-request.decider';
import { InvoiceAnswerRequestDto, InvoiceRequestResponseDto } from '../request-invoice/invoice-request.dto';
import { invoiceRequestOf } from '../request-invoice/invoice-requests.http.controller';

/** The VAT invoicing system answers a request: a signed, idempotent call that records the invoice number or the rejection. */
@Controller('integration/invoice-requests/:requestId')
@IntegrationApi()
@Roles('invoicing')
export class AnswerInvoiceRequestHttpController {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('answer')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: InvoiceRequestResponseDto, description: 'recorded: the request with its answer' })
  async answer(
    @Param('requestId') requestId: string,
    @Body() body: InvoiceAnswerRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<InvoiceRequestResponseDto> {
    const { statementId } = await invoiceRequestOf(this.store, requestId);
    const handled = await handleCommand(this.store, {
      ...streams.invoiceRequests(statementId),
      decider: invoiceRequestDecider,
      command: {
        type: 'RecordInvoiceAnswer',
        data: { requestId, status: body.status, invoiceNumber: body.invoiceNumber ?? null, reason: body.reason ?? null, at: this.clock.now().toISOString() },
      },
      metadata: callerMetadataOf(caller, { subject: caller.principal.subject, role: 'invoicing' }),
    });
    return { ...handled.state.requests.find((request) => request.requestId === requestId)! };
  }
}
