import { Module } from '@nestjs/common';
import { NoteReceiptTitleKafkaHandler } from './integration/note-receipt-title.kafka-handler';

/** Inventory’s record of the title to its lots, following the receipt service’s receipts and entitlements. */
@Module({ controllers: [NoteReceiptTitleKafkaHandler] })
export class RegistryModule {}
