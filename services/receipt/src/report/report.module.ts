import { Module } from '@nestjs/common';
import {
  DailyReceiptReportHttpController,
  ExchangeDailyReceiptReportHttpController,
} from './queries/daily-receipt-report/daily-receipt-report.http.controller';
import { DailyReceiptReportReadModel } from './queries/daily-receipt-report/daily-receipt-report.read-model';

/** Reports for the exchange and the desk (the daily receipt report). */
@Module({
  controllers: [DailyReceiptReportHttpController, ExchangeDailyReceiptReportHttpController],
  providers: [DailyReceiptReportReadModel],
})
export class ReportModule {}
