import { Global, Module } from '@nestjs/common';
import { FloorOperations } from './floor-operations';
import { OperationRefusals } from './operation-refusals';
import { OperationRefusalsHttpController } from './queries/operation-refusals.http.controller';

/** Floor operations: the authorisation and refusal record every physical operation goes through, and the refusals list. */
@Global()
@Module({
  controllers: [OperationRefusalsHttpController],
  providers: [FloorOperations, OperationRefusals],
  exports: [FloorOperations, OperationRefusals],
})
export class OperationModule {}
