import { Module } from '@nestjs/common';
import { PublishRateCardVersionCommandHandler } from './commands/publish-rate-card-version/publish-rate-card-version.command-handler';
import { PublishRateCardVersionHttpController } from './commands/publish-rate-card-version/publish-rate-card-version.http.controller';
import { RateCardsHttpController } from './queries/rate-cards/rate-cards.http.controller';

/** Rate cards as data: the warehouse's published default and each depositor's contract, as dated versions. */
@Module({
  controllers: [PublishRateCardVersionHttpController, RateCardsHttpController],
  providers: [PublishRateCardVersionCommandHandler],
})
export class RateCardModule {}
