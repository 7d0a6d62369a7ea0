import { type Command, type Decider, type DomainEvent, refuse, requireText, unhandledCommand } from '@dw/kernel';
import { requireRole, type Actor } from '../../common/domain/actor';
import type { InvoicingDetails } from './invoicing-details';

/**
 * The VAT invoice requests of one statement (stream per statement): the depositor asks for an
 * invoice of the statement's fees once they are settled in full; the invoicing system answers
 * with the invoice number (issued) or a reason (rejected), after which a new request may be made.
 */
export type InvoiceStatus = 'requested' | 'issued' | 'rejected';

export interface InvoiceRequest {
  readonly requestId: string;
  readonly statementId: string;
  readonly partyId: string;
  readonly amountFen: number;
  readonly details: InvoicingDetails;
  readonly status: InvoiceStatus;
  readonly invoiceNumber: string | null;
  readonly rejection: string | null;
}

export type InvoiceRequested = DomainEvent<
  'InvoiceRequested',
  {
    readonly requestId: string;
    readonly statementId: string;
    readonly partyId: string;
    readonly amountFen: number;
    readonly details: InvoicingDetails;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type InvoiceIssued = DomainEvent<'InvoiceIssued', { readonly requestId: string; readonly invoiceNumber: string; readonly at: string }>;
export type InvoiceRejected = DomainEvent<'InvoiceRejected', { readonly requestId: string; readonly reason: string; readonly at: string }>;
export type InvoiceEvent = InvoiceRequested | InvoiceIssued | InvoiceRejected;

/**
 * `settlement`: the statement's fees as the handler read them from the statement book: the
 * charges it carries net of reversals, and how much of them is settled. `details`: the party's
 * invoicing details, null when it has none.
 */
export type RequestInvoice = Command<
  'RequestInvoice',
  {
    readonly statementId: string;
    readonly partyId: string;
    readonly settlement: { readonly chargedFen: number; readonly settledFen: number };
    readonly details: InvoicingDetails | null;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type RecordInvoiceAnswer = Command<
  'RecordInvoiceAnswer',
  {
    readonly requestId: string;
    readonly status: 'issued' | 'rejected';
    readonly invoiceNumber: string | null;
    readonly reason: string | null;
    readonly at: string;
  }
>;
export type InvoiceCommand = RequestInvoice | RecordInvoiceAnswer;

export interface InvoiceRequestsState {
  readonly requests: readonly InvoiceRequest[];
}

export const invoiceRequestDecider: Decider<InvoiceCommand, InvoiceRequestsState, InvoiceEvent> = {
  initialState: () => ({ requests: [] }),
  evolve(state, event) {
    switch (event.type) {
      case 'InvoiceRequested': {
        const { requestId, statementId, partyId, amountFen, details } = event.data;
        return {
          requests: [...state.requests, { requestId, statementId, partyId, amountFen, details, status: 'requested', invoiceNumber: null, rejection: null }],
        };
      }
      case 'InvoiceIssued':
        return answered(state, event.data.requestId, { status: 'issued', invoiceNumber: event.data.invoiceNumber });
      case 'InvoiceRejected':
        return answered(state, event.data.requestId, { status: 'rejected', rejection: event.data.reason });
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'RequestInvoice':
        return requestInvoice(command, state);
      case 'RecordInvoiceAnswer':
        return recordInvoiceAnswer(command, state);
      default:
        return unhandledCommand(command);
    }
  },
};

function answered(state: InvoiceRequestsState, requestId: string, change: Partial<InvoiceRequest>): InvoiceRequestsState {
  return { requests: state.requests.map((request) => (request.requestId === requestId ? { ...request, ...change } : request)) };
}

export const invoiceRequestIdOf = (statementId: string, attempt: number) => `${statementId}-R${attempt}`;

function requestInvoice(command: RequestInvoice, state: InvoiceRequestsState): InvoiceEvent[] {
  // rule BILL-INVOICE-SETTLED-STATEMENT
  const { statementId, partyId, settlement, details, actor, at } = command.data;
  requireRole(actor, ['depositor'], 'request invoices');
  const open = state.requests.find((request) => request.status !== 'rejected');
  if (open) {
    throw refuse.conflict('INVOICE_ALREADY_REQUESTED', `statement ${statementId} has invoice request ${open.requestId} (${open.status})`, {
      requestId: open.requestId,
      status: open.status,
    });
  }
  if (settlement.chargedFen <= 0 || settlement.settledFen < settlement.chargedFen) {
    throw refuse.conflict('INVOICE_STATEMENT_NOT_SETTLED', `statement ${statementId} is invoiced once its fees are settled in full`, {
      statementId,
      ...settlement,
    });
  }
  if (!details) throw refuse.conflict('INVOICING_DETAILS_MISSING', `party ${partyId} has no invoicing details`, { partyId });
  const requestId = invoiceRequestIdOf(statementId, state.requests.length + 1);
  return [{ type: 'InvoiceRequested', data: { requestId, statementId, partyId, amountFen: settlement.chargedFen, details, actor, at } }];
}

function recordInvoiceAnswer(command: RecordInvoiceAnswer, state: InvoiceRequestsState): InvoiceEvent[] {
  // rule BILL-INVOICE-SETTLED-STATEMENT
  const { requestId, status, at } = command.data;
  const request = state.requests.find((candidate) => candidate.requestId === requestId);
  if (!request) throw refuse.notFound('INVOICE_REQUEST_NOT_FOUND', `no invoice request ${requestId}`, { requestId });
  if (status === 'issued') {
    const invoiceNumber = requireText(command.data.invoiceNumber, 'invoiceNumber');
    if (request.status === 'issued' && request.invoiceNumber === invoiceNumber) return [];
    if (request.status !== 'requested') throw alreadyAnswered(request);
    return [{ type: 'InvoiceIssued', data: { requestId, invoiceNumber, at } }];
  }
  const reason = requireText(command.data.reason, 'reason');
  if (request.status === 'rejected' && request.rejection === reason) return [];
  if (request.status !== 'requested') throw alreadyAnswered(request);
  return [{ type: 'InvoiceRejected', data: { requestId, reason, at } }];
}

const alreadyAnswered = (request: InvoiceRequest) =>
  refuse.conflict('INVOICE_ALREADY_ANSWERED', `invoice request ${request.requestId} is already ${request.status}`, {
    requestId: request.requestId,
    status: request.status,
    invoiceNumber: request.invoiceNumber,
  });
