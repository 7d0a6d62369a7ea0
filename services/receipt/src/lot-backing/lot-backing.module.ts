import { Module } from '@nestjs/common';
import { RegisterLotWhenLotBecameAvailableKafkaHandler } from './integration/register-lot-when-lot-became-available.kafka-handler';
import { LotsHttpController } from './queries/lots/lots.http.controller';

/** Lots known from inventory, and which receipt (or application) each backs. */
@Module({
  controllers: [LotsHttpController, RegisterLotWhenLotBecameAvailableKafkaHandler],
})
export class LotBackingModule {}
