import { Module } from '@nestjs/common';
import { LotModule } from '../lot/lot.module';
import { StockModule } from '../stock/stock.module';
import { NoteWorkOrdersKafkaHandler } from './integration/note-work-orders.kafka-handler';
import { AuthorisingOrdersHttpController } from './queries/authorising-orders.http.controller';

/** Inventory’s record of the work orders that authorise floor operations, from the order service’s events. */
@Module({
  imports: [LotModule, StockModule],
  controllers: [AuthorisingOrdersHttpController, NoteWorkOrdersKafkaHandler],
})
export class AuthorityModule {}
