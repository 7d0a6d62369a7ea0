import { Module } from '@nestjs/common';
import { BillingOutbox } from '../common/integration/billing-outbox';
import { AssignUnmatchedPaymentCommandHandler } from './commands/assign-unmatched-payment/assign-unmatched-payment.command-handler';
import { AssignUnmatchedPaymentHttpController } from './commands/assign-unmatched-payment/assign-unmatched-payment.http.controller';
import { AssignVirtualAccountCommandHandler } from './commands/assign-virtual-account/assign-virtual-account.command-handler';
import { AssignVirtualAccountHttpController } from './commands/assign-virtual-account/assign-virtual-account.http.controller';
import { NotifyIncomingTransferCommandHandler } from './commands/notify-incoming-transfer/notify-incoming-transfer.command-handler';
import { NotifyIncomingTransferHttpController } from './commands/notify-incoming-transfer/notify-incoming-transfer.http.controller';
import { ResolveReconciliationBreakCommandHandler } from './commands/resolve-reconciliation-break/resolve-reconciliation-break.command-handler';
import { ResolveReconciliationBreakHttpController } from './commands/resolve-reconciliation-break/resolve-reconciliation-break.http.controller';
import { SubmitBankStatementCommandHandler } from './commands/submit-bank-statement/submit-bank-statement.command-handler';
import { SubmitBankStatementHttpController } from './commands/submit-bank-statement/submit-bank-statement.http.controller';
import { BankPaymentsHttpController } from './queries/bank-payments/bank-payments.http.controller';
import { CashAtBankBook } from './queries/cash-at-bank/cash-at-bank.book';
import { ReconciliationBreaksHttpController } from './queries/reconciliation-breaks/reconciliation-breaks.http.controller';
import { VirtualAccountsHttpController } from './queries/virtual-accounts/virtual-accounts.http.controller';

/** Bank direct connect: virtual accounts, banks’ signed notices of money in, and the daily statement reconciled with our book. */
@Module({
  controllers: [
    AssignVirtualAccountHttpController,
    VirtualAccountsHttpController,
    NotifyIncomingTransferHttpController,
    AssignUnmatchedPaymentHttpController,
    BankPaymentsHttpController,
    SubmitBankStatementHttpController,
    ResolveReconciliationBreakHttpController,
    ReconciliationBreaksHttpController,
  ],
  providers: [
    BillingOutbox,
    CashAtBankBook,
    AssignVirtualAccountCommandHandler,
    NotifyIncomingTransferCommandHandler,
    AssignUnmatchedPaymentCommandHandler,
    SubmitBankStatementCommandHandler,
    ResolveReconciliationBreakCommandHandler,
  ],
})
export class BankModule {}
