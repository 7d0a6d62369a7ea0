import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { EventStore, handleCommand, loadAggregate } from '@dw/event-store';
import { type Clock, refuse } from '@dw/kernel';
import { assertOwnParty, CLOCK, CurrentPrincipal, Roles, type Principal, callerContextOf, CurrentCaller, type Caller } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { settlementOf } from '../../../statement/domain/statement-book.decider';
import { StatementBooks } from '../../../statement/statement-books';
import { invoiceRequestDecider, type InvoiceRequest } from '../../domain/invoice-request.decider';
import { invoicingDetailsDecider } from '../../domain/invoicing-details';
import { InvoiceRequestResponseDto, RequestInvoiceRequestDto } from './invoice-request.dto';

const REQUEST_ID = /^(STMT-.+)-R\d+$/;
const notFound = (requestId: string) => refuse.notFound('INVOICE_REQUEST_NOT_FOUND', `no invoice request ${requestId}`, { requestId });

export async function invoiceRequestOf(store: EventStore, requestId: string): Promise<InvoiceRequest> {
  const statementId = REQUEST_ID.exec(requestId)?.[1];
  if (!statementId) throw notFound(requestId);
  const { state } = await store.transaction((tx) => loadAggregate(tx, streams.invoiceRequests(statementId).streamId, invoiceRequestDecider));
  const request = state.requests.find((candidate) => candidate.requestId === requestId);
  if (!request) throw notFound(requestId);
  return request;
}

/** The depositor asks for a VAT invoice of a settled statement; staff and the party read the request and its answer. */
@Controller('invoice-requests')
export class InvoiceRequestsHttpController {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(StatementBooks) private readonly books: StatementBooks,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('depositor')
  @ApiCreatedResponse({ type: InvoiceRequestResponseDto, description: 'requested: the invoicing system answers through its signed integration route' })
  async request(@Body() body: RequestInvoiceRequestDto, @CurrentCaller() caller: Caller): Promise<InvoiceRequestResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['depositor']);
    const { partyId, statement } = await this.books.statement(body.statementId);
    assertOwnParty(caller.principal, partyId, () =>
      refuse.notFound('STATEMENT_NOT_FOUND', `no statement ${body.statementId}`, { statementId: body.statementId }),
    );
    const [{ state: book }, details] = await Promise.all([
      this.books.load(partyId),
      this.store.transaction((tx) => loadAggregate(tx, streams.invoicingDetails(partyId).streamId, invoicingDetailsDecider)),
    ]);
    const handled = await handleCommand(this.store, {
      ...streams.invoiceRequests(statement.statementId),
      decider: invoiceRequestDecider,
      command: {
        type: 'RequestInvoice',
        data: { statementId: statement.statementId, partyId, settlement: settlementOf(statement, book.settledFen), details: details.state.details, actor, at },
      },
      metadata,
    });
    return { ...handled.state.requests.at(-1)! };
  }

  @Get(':requestId')
  @Roles('manager', 'clerk', 'depositor')
  @ApiOkResponse({ type: InvoiceRequestResponseDto, description: 'the request and the invoicing system’s answer' })
  async one(@Param('requestId') requestId: string, @CurrentPrincipal() principal: Principal): Promise<InvoiceRequestResponseDto> {
    const request = await invoiceRequestOf(this.store, requestId);
    assertOwnParty(principal, request.partyId, () => notFound(requestId));
    return { ...request };
  }
}
