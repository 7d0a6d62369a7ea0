import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@dw/event-store';
import { type Clock, refuse } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { BillingOutbox } from '../../../common/integration/billing-outbox';
import { bankTransactionDecider } from '../../domain/bank-transaction.decider';
import { bankTransactionPublicEvents } from '../../integration/bank-events.mapper';
import type { IncomingTransferResponseDto } from '../notify-incoming-transfer/notify-incoming-transfer.response.dto';
import type { AssignUnmatchedPaymentRequestDto } from './assign-unmatched-payment.request.dto';

const PAYMENT_ID = /^bank-payment:([A-Za-z0-9][A-Za-z0-9._-]{0,63}):([A-Za-z0-9][A-Za-z0-9._-]{0,63})$/;

/** A manager books a payment held unmatched to its party (BankPaymentReceived, and the alarm resolved). */
@Injectable()
export class AssignUnmatchedPaymentCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BillingOutbox) private readonly outbox: BillingOutbox,
  ) {}

  async execute(paymentId: string, body: AssignUnmatchedPaymentRequestDto, caller: Caller): Promise<IncomingTransferResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['manager']);
    const [, bankId, bankTransactionId] = PAYMENT_ID.exec(paymentId) ?? [];
    if (bankId === undefined || bankTransactionId === undefined) throw refuse.notFound('BANK_PAYMENT_NOT_FOUND', `no bank payment ${paymentId}`, { paymentId });
    const handled = await handleCommand(this.store, {
      ...streams.bankTransaction(bankId, bankTransactionId),
      decider: bankTransactionDecider,
      command: { type: 'AssignUnmatchedPayment', data: { partyId: body.partyId, note: body.note, actor, at } },
      metadata,
      outbox: this.outbox.of(bankTransactionPublicEvents),
    });
    return { paymentId, status: 'matched', partyId: handled.state.partyId, firstNotice: false };
  }
}
