import { Module } from '@nestjs/common';
import { DRAINABLE } from '@dw/platform';
import { CancellationApplicationCommandHandler } from './commands/cancellation-application/cancellation-application.command-handler';
import { CancellationApplicationHttpController } from './commands/cancellation-application/cancellation-application.http.controller';
import { ExpirySweepCommandHandler } from './commands/expiry-sweep/expiry-sweep.command-handler';
import { ExpirySweepHttpController } from './commands/expiry-sweep/expiry-sweep.http.controller';
import { ExpirySweepScheduler } from './commands/expiry-sweep/expiry-sweep.scheduler';
import { MergeReceiptsCommandHandler } from './commands/merge-receipts/merge-receipts.command-handler';
import { MergeReceiptsHttpController } from './commands/merge-receipts/merge-receipts.http.controller';
import { ProcessCancellationCommandHandler } from './commands/process-cancellation/process-cancellation.command-handler';
import { ProcessCancellationHttpController } from './commands/process-cancellation/process-cancellation.http.controller';
import { PlaceHoldCommandHandler } from './commands/place-hold/place-hold.command-handler';
import { AuthorityHoldHttpController, PledgeReceiptHttpController } from './commands/place-hold/place-hold.http.controller';
import { ReleaseHoldCommandHandler } from './commands/release-hold/release-hold.command-handler';
import { ReleaseHoldHttpController } from './commands/release-hold/release-hold.http.controller';
import { ResolveShortfallCommandHandler } from './commands/resolve-shortfall/resolve-shortfall.command-handler';
import { ResolveShortfallHttpController } from './commands/resolve-shortfall/resolve-shortfall.http.controller';
import { SplitReceiptCommandHandler } from './commands/split-receipt/split-receipt.command-handler';
import { SplitReceiptHttpController } from './commands/split-receipt/split-receipt.http.controller';
import { RecordFeesPaidWhenPaidThroughAdvancedKafkaHandler } from './integration/record-fees-paid-when-paid-through-advanced.kafka-handler';
import { RecordShortfallWhenStockShortfallDetectedKafkaHandler } from './integration/record-shortfall-when-stock-shortfall-detected.kafka-handler';
import { ReceiptViews } from './queries/receipts/receipt-views';
import { ExchangeReceiptsHttpController, ReceiptsHttpController } from './queries/receipts/receipts.http.controller';

/**
 * Receipts: pledges and holds, split, merge, cancellation (the holder's application, processed by
 * the warehouse) to an entitlement, expiry, stocktake shortfalls (recorded from inventory,
 * resolved by a manager); and their queries.
 */
@Module({
  // Literal paths before parameterised ones on the same prefix (receipts/merge before receipts/:receiptNumber).
  controllers: [
    MergeReceiptsHttpController,
    PledgeReceiptHttpController,
    AuthorityHoldHttpController,
    ReleaseHoldHttpController,
    SplitReceiptHttpController,
    CancellationApplicationHttpController,
    ProcessCancellationHttpController,
    ResolveShortfallHttpController,
    ReceiptsHttpController,
    ExchangeReceiptsHttpController,
    ExpirySweepHttpController,
    RecordShortfallWhenStockShortfallDetectedKafkaHandler,
    RecordFeesPaidWhenPaidThroughAdvancedKafkaHandler,
  ],
  providers: [
    PlaceHoldCommandHandler,
    ReleaseHoldCommandHandler,
    SplitReceiptCommandHandler,
    MergeReceiptsCommandHandler,
    CancellationApplicationCommandHandler,
    ProcessCancellationCommandHandler,
    ResolveShortfallCommandHandler,
    ReceiptViews,
    ExpirySweepCommandHandler,
    ExpirySweepScheduler,
    { provide: DRAINABLE, useExisting: ExpirySweepScheduler },
  ],
})
export class ReceiptModule {}
