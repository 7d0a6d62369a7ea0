import { Module } from '@nestjs/common';
import { ApplyForStorageCardCommandHandler } from './commands/apply-for-storage-card/apply-for-storage-card.command-handler';
import { ApplyForStorageCardHttpController } from './commands/apply-for-storage-card/apply-for-storage-card.http.controller';
import { ReviewStorageCardCommandHandler } from './commands/review-storage-card/review-storage-card.command-handler';
import { ReviewStorageCardHttpController } from './commands/review-storage-card/review-storage-card.http.controller';
import { StorageCardsHttpController } from './queries/storage-cards/storage-cards.http.controller';

/** Storage cards (存储卡号): applied for online by depositors, reviewed by staff. */
@Module({
  controllers: [ApplyForStorageCardHttpController, ReviewStorageCardHttpController, StorageCardsHttpController],
  providers: [ApplyForStorageCardCommandHandler, ReviewStorageCardCommandHandler],
})
export class StorageCardModule {}
