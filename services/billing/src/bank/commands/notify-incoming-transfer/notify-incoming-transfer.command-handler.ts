import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn, loadAggregate, transactionRetryingOnConflict } from '@dw/event-store';
import { type Clock, refuse } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { BillingOutbox } from '../../../common/integration/billing-outbox';
import { bankTransactionDecider, type BankNotificationConflicted, paymentIdOf } from '../../domain/bank-transaction.decider';
import { partyOfVirtualAccount, virtualAccountsDecider } from '../../domain/virtual-accounts.decider';
import { bankTransactionPublicEvents } from '../../integration/bank-events.mapper';
import type { NotifyIncomingTransferRequestDto } from './notify-incoming-transfer.request.dto';
import type { IncomingTransferResponseDto } from './notify-incoming-transfer.response.dto';

/**
 * A bank notifies money in. The calling bank is the signed client, so one bank can never notify
 * (or book twice) another's transaction. Two notices of one transaction racing each other
 * conflict on its stream; the loser is decided again on the winner's state, where it is a repeat.
 */
@Injectable()
export class NotifyIncomingTransferCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BillingOutbox) private readonly outbox: BillingOutbox,
  ) {}

  async execute(body: NotifyIncomingTransferRequestDto, caller: Caller): Promise<IncomingTransferResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['bank']);
    const bankId = actor.subject;
    const handled = await transactionRetryingOnConflict(
      this.store,
      async (tx) => {
        const accounts = await loadAggregate(tx, streams.virtualAccounts(bankId).streamId, virtualAccountsDecider);
        return handleCommandIn(tx, {
          ...streams.bankTransaction(bankId, body.bankTransactionId),
          decider: bankTransactionDecider,
          command: {
            type: 'NotifyIncomingTransfer',
            data: { ...body, bankId, partyOfAccount: partyOfVirtualAccount(accounts.state, body.virtualAccount), actor, at },
          },
          metadata,
          outbox: this.outbox.of(bankTransactionPublicEvents),
        });
      },
      3,
    );
    // The conflict is recorded (and alarmed) in the log first; only then is the notice refused.
    const conflict = handled.appended?.events.find((event) => event.type === 'BankNotificationConflicted');
    if (conflict) {
      const { differs } = conflict.data as BankNotificationConflicted['data'];
      throw refuse.conflict('BANK_TRANSACTION_CONFLICT', `bank transaction ${body.bankTransactionId} was notified before with another ${differs.join(', ')}`, {
        bankTransactionId: body.bankTransactionId,
        differs,
      });
    }
    return {
      paymentId: paymentIdOf(bankId, body.bankTransactionId),
      status: handled.state.status === 'matched' ? 'matched' : 'unmatched',
      partyId: handled.state.partyId,
      firstNotice: handled.appended !== null,
    };
  }
}
