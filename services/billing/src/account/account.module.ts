import { Module } from '@nestjs/common';
import { BillingOutbox } from '../common/integration/billing-outbox';
import { AccountCommands } from './commands/account-commands';
import { DecideWithdrawalHttpController } from './commands/decide-withdrawal/decide-withdrawal.http.controller';
import { RequestWithdrawalHttpController } from './commands/request-withdrawal/request-withdrawal.http.controller';
import { AccountOutbox } from './integration/account-outbox';
import { BookPaymentWhenBankNotifiedKafkaHandler } from './integration/book-payment-when-bank-notified.kafka-handler';
import { ChargeFeeWhenFeeAccruedOrReversedKafkaHandler } from './integration/charge-fee-when-fee-accrued-or-reversed.kafka-handler';
import { AccountHttpController } from './queries/account/account.http.controller';

/** Each party's account: fees owed, payments booked, settlement oldest first, paid-through dates and withdrawals. */
@Module({
  controllers: [
    RequestWithdrawalHttpController,
    DecideWithdrawalHttpController,
    AccountHttpController,
    ChargeFeeWhenFeeAccruedOrReversedKafkaHandler,
    BookPaymentWhenBankNotifiedKafkaHandler,
  ],
  providers: [BillingOutbox, AccountOutbox, AccountCommands],
})
export class AccountModule {}
