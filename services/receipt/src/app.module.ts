import { Module } from '@nestjs/common';
import { DRAINABLE, EventSourcingModule } from '@dw/platform';
import { ReceiptOutbox } from './common/integration/receipt-outbox';
import { NumberAllocator } from './common/numbering/number-allocator';
import { ApplyForIssuanceCommandHandler } from './issuance/commands/apply-for-issuance/apply-for-issuance.command-handler';
import { ApplyForIssuanceHttpController } from './issuance/commands/apply-for-issuance/apply-for-issuance.http.controller';
import { DecideIssuanceCommandHandler } from './issuance/commands/decide-issuance/decide-issuance.command-handler';
import { ExchangeIssuanceHttpController } from './issuance/commands/decide-issuance/exchange-issuance.http.controller';
import { WithdrawIssuanceHttpController } from './issuance/commands/withdraw-issuance/withdraw-issuance.http.controller';
import { ExchangeIssuanceApplicationsHttpController, IssuanceApplicationsHttpController } from './issuance/queries/issuance-applications/issuance-applications.http.controller';
import { IssuanceApplicationsReadModel } from './issuance/queries/issuance-applications/issuance-applications.read-model';
import { RegisterLotWhenLotBecameAvailableKafkaHandler } from './lot-backing/integration/register-lot-when-lot-became-available.kafka-handler';
import { LotsHttpController } from './lot-backing/queries/lots/lots.http.controller';
import { receiptServiceDefinition } from './receipt.service-definition';
import { CancelReceiptCommandHandler } from './receipt/commands/cancel-receipt/cancel-receipt.command-handler';
import { CancelReceiptHttpController } from './receipt/commands/cancel-receipt/cancel-receipt.http.controller';
import { ExpirySweepCommandHandler } from './receipt/commands/flag-expired/expiry-sweep.command-handler';
import { ExpirySweepHttpController } from './receipt/commands/flag-expired/expiry-sweep.http.controller';
import { ExpirySweepScheduler } from './receipt/commands/flag-expired/expiry-sweep.scheduler';
import { MergeReceiptsCommandHandler } from './receipt/commands/merge-receipts/merge-receipts.command-handler';
import { MergeReceiptsHttpController } from './receipt/commands/merge-receipts/merge-receipts.http.controller';
import { PlaceHoldCommandHandler } from './receipt/commands/place-hold/place-hold.command-handler';
import { AuthorityHoldHttpController, PledgeReceiptHttpController } from './receipt/commands/place-hold/place-hold.http.controller';
import { ReleaseHoldCommandHandler } from './receipt/commands/release-hold/release-hold.command-handler';
import { ReleaseHoldHttpController } from './receipt/commands/release-hold/release-hold.http.controller';
import { SplitReceiptCommandHandler } from './receipt/commands/split-receipt/split-receipt.command-handler';
import { SplitReceiptHttpController } from './receipt/commands/split-receipt/split-receipt.http.controller';
import { ReceiptViews } from './receipt/queries/receipts/receipt-views';
import { ExchangeReceiptsHttpController, ReceiptsHttpController } from './receipt/queries/receipts/receipts.http.controller';
import { PublishReceiptRuleVersionCommandHandler } from './receipt-rule/commands/publish-receipt-rule-version/publish-receipt-rule-version.command-handler';
import { PublishReceiptRuleVersionHttpController } from './receipt-rule/commands/publish-receipt-rule-version/publish-receipt-rule-version.http.controller';
import { ReceiptRulesHttpController } from './receipt-rule/queries/receipt-rules/receipt-rules.http.controller';
import { DailyReceiptReportHttpController, ExchangeDailyReceiptReportHttpController } from './report/queries/daily-receipt-report/daily-receipt-report.http.controller';
import { DailyReceiptReportReadModel } from './report/queries/daily-receipt-report/daily-receipt-report.read-model';
import { ApplyForStorageCardCommandHandler } from './storage-card/commands/apply-for-storage-card/apply-for-storage-card.command-handler';
import { ApplyForStorageCardHttpController } from './storage-card/commands/apply-for-storage-card/apply-for-storage-card.http.controller';
import { ReviewStorageCardCommandHandler } from './storage-card/commands/review-storage-card/review-storage-card.command-handler';
import { ReviewStorageCardHttpController } from './storage-card/commands/review-storage-card/review-storage-card.http.controller';
import { StorageCardsHttpController } from './storage-card/queries/storage-cards/storage-cards.http.controller';
import { RequestTitleTransferCommandHandler } from './transfer/commands/request-title-transfer/request-title-transfer.command-handler';
import { RequestTitleTransferHttpController } from './transfer/commands/request-title-transfer/request-title-transfer.http.controller';
import { TransferAlarmsHttpController } from './transfer/queries/transfer-alarms/transfer-alarms.http.controller';

/** The receipt service: the platform's event-sourced core plus one controller and handler per use case. */
@Module({
  imports: [EventSourcingModule.forService(receiptServiceDefinition)],
  controllers: [
    // Literal paths before parameterised ones on the same prefix (receipts/merge before receipts/:receiptNumber).
    MergeReceiptsHttpController,
    ApplyForStorageCardHttpController,
    ReviewStorageCardHttpController,
    StorageCardsHttpController,
    PublishReceiptRuleVersionHttpController,
    ReceiptRulesHttpController,
    LotsHttpController,
    RegisterLotWhenLotBecameAvailableKafkaHandler,
    ApplyForIssuanceHttpController,
    WithdrawIssuanceHttpController,
    IssuanceApplicationsHttpController,
    ExchangeIssuanceHttpController,
    ExchangeIssuanceApplicationsHttpController,
    RequestTitleTransferHttpController,
    TransferAlarmsHttpController,
    PledgeReceiptHttpController,
    AuthorityHoldHttpController,
    ReleaseHoldHttpController,
    SplitReceiptHttpController,
    CancelReceiptHttpController,
    ReceiptsHttpController,
    ExchangeReceiptsHttpController,
    ExpirySweepHttpController,
    DailyReceiptReportHttpController,
    ExchangeDailyReceiptReportHttpController,
  ],
  providers: [
    ReceiptOutbox,
    NumberAllocator,
    ApplyForStorageCardCommandHandler,
    ReviewStorageCardCommandHandler,
    PublishReceiptRuleVersionCommandHandler,
    ApplyForIssuanceCommandHandler,
    DecideIssuanceCommandHandler,
    IssuanceApplicationsReadModel,
    RequestTitleTransferCommandHandler,
    PlaceHoldCommandHandler,
    ReleaseHoldCommandHandler,
    SplitReceiptCommandHandler,
    MergeReceiptsCommandHandler,
    CancelReceiptCommandHandler,
    ReceiptViews,
    ExpirySweepCommandHandler,
    ExpirySweepScheduler,
    { provide: DRAINABLE, useExisting: ExpirySweepScheduler },
    DailyReceiptReportReadModel,
  ],
})
export class AppModule {}
