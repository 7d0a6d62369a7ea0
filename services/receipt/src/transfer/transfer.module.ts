import { Module } from '@nestjs/common';
import { RequestTitleTransferCommandHandler } from './commands/request-title-transfer/request-title-transfer.command-handler';
import { RequestTitleTransferHttpController } from './commands/request-title-transfer/request-title-transfer.http.controller';
import { TransferAlarmsHttpController } from './queries/transfer-alarms/transfer-alarms.http.controller';

/** Title transfer (过户) with its error-proofing alarms. */
@Module({
  controllers: [RequestTitleTransferHttpController, TransferAlarmsHttpController],
  providers: [RequestTitleTransferCommandHandler],
})
export class TransferModule {}
