import { Module } from '@nestjs/common';
import { RegisterLotWhenLotBecameAvailableKafkaHandler } from './integration/register-lot-when-lot-became-available.kafka-handler';
import { RecordLotShippedWhenLotShippedOutKafkaHandler } from './integration/record-lot-shipped-when-lot-shipped-out.kafka-handler';
import { RecordStockHoldWhenStockHoldPlacedOrReleasedKafkaHandler } from './integration/record-stock-hold-when-stock-hold-placed-or-released.kafka-handler';
import { LotsHttpController } from './queries/lots/lots.http.controller';

/** Lots known from inventory, which receipt (or application) each backs, and whether their goods have left. */
@Module({
  controllers: [
    LotsHttpController,
    RegisterLotWhenLotBecameAvailableKafkaHandler,
    RecordLotShippedWhenLotShippedOutKafkaHandler,
    RecordStockHoldWhenStockHoldPlacedOrReleasedKafkaHandler,
  ],
})
export class LotBackingModule {}
