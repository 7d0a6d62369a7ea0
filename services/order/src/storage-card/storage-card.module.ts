import { Module } from '@nestjs/common';
import { RecordCardWhenCardChangedKafkaHandler } from './integration/record-card-when-card-changed.kafka-handler';
import { GetStorageCardHttpController } from './queries/get-storage-card.http.controller';

/** The order desk’s copy of the storage cards the receipt service approves. */
@Module({
  controllers: [GetStorageCardHttpController, RecordCardWhenCardChangedKafkaHandler],
})
export class StorageCardModule {}
