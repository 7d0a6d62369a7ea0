import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn, loadAggregate, transactionRetryingOnConflict } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { BusinessCalendars, CLOCK, callerContextOf, type Caller } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { bankTransactionDecider } from '../../../bank/domain/bank-transaction.decider';
import { tradingAccountDirectoryDecider } from '../../domain/trading-account-directory.decider';
import { tradingAccountDecider } from '../../domain/trading-account.decider';
import { tradingDepositDecider } from '../../domain/trading-deposit.decider';
import { tradingStreams } from '../../trading-streams';
import type { NotifyTradingDepositRequestDto } from './notify-trading-deposit.request.dto';
import type { TradingDepositResponseDto } from './notify-trading-deposit.response.dto';

/**
 * A depository bank notifies a trader's deposit (入金). The calling bank is the signed client (as
 * for the warehouse's incoming transfers); the transaction's own stream books it once, and the
 * bank part's stream of the same transaction id is read so one bank transaction is never both a
 * warehouse payment and a trading deposit. The deposit and the account's booking commit together.
 */
@Injectable()
export class NotifyTradingDepositCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
  ) {}

  async execute(body: NotifyTradingDepositRequestDto, caller: Caller): Promise<TradingDepositResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['bank']);
    const bankId = actor.subject;
    return transactionRetryingOnConflict(
      this.store,
      async (tx) => {
        const directory = await loadAggregate(tx, tradingStreams.directory().streamId, tradingAccountDirectoryDecider);
        const warehousePayment = await loadAggregate(tx, streams.bankTransaction(bankId, body.bankTransactionId).streamId, bankTransactionDecider);
        const deposit = await handleCommandIn(tx, {
          ...tradingStreams.deposit(bankId, body.bankTransactionId),
          decider: tradingDepositDecider,
          command: {
            type: 'NotifyTradingDeposit',
            data: {
              ...body,
              bankId,
              partyId: directory.state.partyByNumber[body.accountNumber] ?? null,
              bookedAsWarehousePayment: warehousePayment.state.transfer !== null,
              actor,
              at,
            },
          },
          metadata,
        });
        const notice = deposit.state.notice!;
        if (deposit.appended) {
          await handleCommandIn(tx, {
            ...tradingStreams.account(notice.partyId),
            decider: tradingAccountDecider,
            command: {
              type: 'BookTradingDeposit',
              data: {
                depositId: notice.depositId,
                bankId,
                bankTransactionId: notice.bankTransactionId,
                payerAccountNumber: notice.payerAccountNumber,
                amountFen: notice.amountFen,
                valueDate: notice.valueDate,
                calendar: this.calendars.current(),
                at,
              },
            },
            metadata,
          });
        }
        return {
          depositId: notice.depositId,
          partyId: notice.partyId,
          accountNumber: notice.accountNumber,
          amountFen: notice.amountFen,
          firstNotice: deposit.appended !== null,
        };
      },
      3,
    );
  }
}
