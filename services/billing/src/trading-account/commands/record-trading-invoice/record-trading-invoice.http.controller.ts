import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { RecordTradingInvoiceRequestDto } from './record-trading-invoice.request.dto';
import { TradingInvoiceCommands } from './trading-invoice-commands';
import { TradingInvoiceResponseDto, tradingInvoiceView } from './trading-invoice.response.dto';

/** The seller records the VAT invoice it sent for its sale (第四十六条). */
@Controller()
@Roles('depositor')
export class RecordTradingInvoiceHttpController {
  constructor(@Inject(TradingInvoiceCommands) private readonly invoices: TradingInvoiceCommands) {}

  @Post('trading-sales/:takeId/invoice')
  @HttpCode(200)
  @ApiOkResponse({ type: TradingInvoiceResponseDto, description: 'recorded as received (the same number again answers the same)' })
  async record(
    @Param('takeId') takeId: string,
    @Body() body: RecordTradingInvoiceRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TradingInvoiceResponseDto> {
    return tradingInvoiceView(await this.invoices.record(takeId, body.invoiceNumber, caller, ['depositor']));
  }
}

/** The exchange records a seller's VAT invoice it received, and verifies it (第四十六条, 第四十七条), through its signed integration API. */
@Controller('integration/exchange')
@IntegrationApi()
@Roles('exchange')
export class ExchangeTradingInvoiceHttpController {
  constructor(@Inject(TradingInvoiceCommands) private readonly invoices: TradingInvoiceCommands) {}

  @Post('trading-sales/:takeId/invoice')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TradingInvoiceResponseDto, description: 'recorded as received (the same number again answers the same)' })
  async record(
    @Param('takeId') takeId: string,
    @Body() body: RecordTradingInvoiceRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TradingInvoiceResponseDto> {
    return tradingInvoiceView(await this.invoices.record(takeId, body.invoiceNumber, caller, ['exchange']));
  }

  @Post('trading-sales/:takeId/invoice-verification')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TradingInvoiceResponseDto, description: 'verified: the deposit is released less the late penalty (again: answers the same)' })
  async verify(@Param('takeId') takeId: string, @CurrentCaller() caller: Caller): Promise<TradingInvoiceResponseDto> {
    return tradingInvoiceView(await this.invoices.verify(takeId, caller));
  }
}
