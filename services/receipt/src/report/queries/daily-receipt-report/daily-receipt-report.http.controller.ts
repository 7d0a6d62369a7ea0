import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { IntegrationApi, Roles } from '@dw/platform';
import { DailyReceiptReportQueryDto } from './daily-receipt-report.query.dto';
import { DailyReceiptReportReadModel } from './daily-receipt-report.read-model';
import { DailyReceiptReportResponseDto } from './daily-receipt-report.response.dto';

const DAILY_REPORT = {
  type: DailyReceiptReportResponseDto,
  description: 'the day’s receipt activity and what was in circulation at its end, per commodity and warehouse',
};

@Controller('reports/daily-receipts')
@Roles('clerk', 'manager', 'ops')
export class DailyReceiptReportHttpController {
  constructor(@Inject(DailyReceiptReportReadModel) private readonly reports: DailyReceiptReportReadModel) {}

  @Get()
  @ApiOkResponse(DAILY_REPORT)
  report(@Query() query: DailyReceiptReportQueryDto) {
    return this.reports.report(query);
  }
}

/** The same report for the exchange (signed requests). */
@Controller('integration/exchange/reports/daily-receipts')
@IntegrationApi()
@Roles('exchange')
export class ExchangeDailyReceiptReportHttpController {
  constructor(@Inject(DailyReceiptReportReadModel) private readonly reports: DailyReceiptReportReadModel) {}

  @Get()
  @ApiOkResponse(DAILY_REPORT)
  report(@Query() query: DailyReceiptReportQueryDto) {
    return this.reports.report(query);
  }
}
