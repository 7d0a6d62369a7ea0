import { Module } from '@nestjs/common';
import { RecordLotBackingWhenReceiptChangedKafkaHandler } from './integration/record-lot-backing-when-receipt-changed.kafka-handler';

/** Which lots back live receipts, from the receipt service's receipt events. */
@Module({
  controllers: [RecordLotBackingWhenReceiptChangedKafkaHandler],
})
export class ReceiptBackingModule {}
