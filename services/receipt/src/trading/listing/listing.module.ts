import { Module } from '@nestjs/common';
import { CancelListingCommandHandler } from './commands/cancel-listing/cancel-listing.command-handler';
import { CancelListingHttpController } from './commands/cancel-listing/cancel-listing.http.controller';
import { ExpireListingsCommandHandler } from './commands/expire-listings/expire-listings.command-handler';
import { ExpireListingsHttpController } from './commands/expire-listings/expire-listings.http.controller';
import { ExpireListingsScheduler } from './commands/expire-listings/expire-listings.scheduler';
import { ListingWrites } from './commands/listing-writes';
import { PostListingCommandHandler } from './commands/post-listing/post-listing.command-handler';
import { PostListingHttpController } from './commands/post-listing/post-listing.http.controller';
import { TakeListingCommandHandler } from './commands/take-listing/take-listing.command-handler';
import { TakeListingHttpController } from './commands/take-listing/take-listing.http.controller';
import { TradingClock } from './commands/trading-clock';
import { WithdrawListingCommandHandler } from './commands/withdraw-listing/withdraw-listing.command-handler';
import { WithdrawListingHttpController } from './commands/withdraw-listing/withdraw-listing.http.controller';
import { ReleaseTakeWhenPaymentRefusedKafkaHandler } from './integration/release-take-when-payment-refused.kafka-handler';
import { SettleTakeWhenTakePaidKafkaHandler } from './integration/settle-take-when-take-paid.kafka-handler';
import { ListingsHttpController } from './queries/listings/listings.http.controller';
import { ExchangeTakesHttpController, TakesHttpController } from './queries/takes/takes.http.controller';

/**
 * The receipt trading platform's listings and takes (标准仓单交易管理办法 第十九条–第二十三条): post,
 * withdraw, cancel (the exchange) and expire listings; take them; settle or release takes as
 * billing answers. Reads traders and markets through TradingLookups (the market feature's).
 */
@Module({
  controllers: [
    PostListingHttpController,
    WithdrawListingHttpController,
    CancelListingHttpController,
    TakeListingHttpController,
    ExpireListingsHttpController,
    ListingsHttpController,
    TakesHttpController,
    ExchangeTakesHttpController,
    SettleTakeWhenTakePaidKafkaHandler,
    ReleaseTakeWhenPaymentRefusedKafkaHandler,
  ],
  providers: [
    TradingClock,
    ListingWrites,
    PostListingCommandHandler,
    WithdrawListingCommandHandler,
    CancelListingCommandHandler,
    TakeListingCommandHandler,
    ExpireListingsCommandHandler,
    ExpireListingsScheduler,
  ],
})
export class TradingListingModule {}
