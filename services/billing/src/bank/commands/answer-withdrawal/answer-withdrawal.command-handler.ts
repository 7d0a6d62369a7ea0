import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { BillingOutbox } from '../../../common/integration/billing-outbox';
import { type BankWithdrawalCommand, bankWithdrawalDecider } from '../../domain/bank-withdrawal.decider';
import { bankWithdrawalPublicEvents } from '../../integration/bank-events.mapper';
import type { WithdrawalAnswerResponseDto } from './answer-withdrawal.response.dto';

type Answer = { type: 'ConfirmWithdrawal'; bankTransactionId: string; valueDate: string } | { type: 'RefuseWithdrawal'; reason: string };

/** The bank's signed callback confirms or refuses a withdrawal it was sent. */
@Injectable()
export class AnswerWithdrawalCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BillingOutbox) private readonly outbox: BillingOutbox,
  ) {}

  async execute(withdrawalId: string, answer: Answer, caller: Caller): Promise<WithdrawalAnswerResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['bank']);
    const command: BankWithdrawalCommand =
      answer.type === 'ConfirmWithdrawal'
        ? { type: 'ConfirmWithdrawal', data: { bankTransactionId: answer.bankTransactionId, valueDate: answer.valueDate, actor, at } }
        : { type: 'RefuseWithdrawal', data: { reason: answer.reason, actor, at } };
    // The answer may overtake our record of the send: retried on the stream's fresh state.
    const handled = await handleCommand(this.store, {
      ...streams.bankWithdrawal(withdrawalId),
      decider: bankWithdrawalDecider,
      command,
      metadata,
      outbox: this.outbox.of(bankWithdrawalPublicEvents),
      retriesOnConflict: 3,
    });
    return { withdrawalId, status: handled.state.status === 'confirmed' ? 'confirmed' : 'refused' };
  }
}
