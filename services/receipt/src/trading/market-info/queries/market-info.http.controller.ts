import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { IntegrationApi, Roles } from '@dw/platform';
import { TradingDayQueryDto } from '../../common/trading-day.query.dto';
import { MarketInfoReader } from './market-info.reader';
import { MarketOffersResponseDto, MarketQuotesResponseDto, MarketTradesResponseDto } from './market-info.response.dto';

/** Market information for traders and warehouse staff (标准仓单交易管理办法 第二十四条, 第六十九条). */
@Controller('trading/market-info')
export class MarketInfoHttpController {
  constructor(@Inject(MarketInfoReader) private readonly reader: MarketInfoReader) {}

  @Get('quotes')
  @Roles('depositor', 'manager', 'ops')
  @ApiOkResponse({ type: MarketQuotesResponseDto, description: 'per commodity: latest price, change against the previous close, high, low, volume and amount' })
  quotes(@Query() query: TradingDayQueryDto): Promise<MarketQuotesResponseDto> {
    return this.reader.quotes(query);
  }

  @Get('offers')
  @Roles('depositor', 'manager', 'ops')
  @ApiOkResponse({ type: MarketOffersResponseDto, description: 'the day’s open offers with receipts still available' })
  offers(@Query() query: TradingDayQueryDto): Promise<MarketOffersResponseDto> {
    return this.reader.offers(query);
  }

  @Get('trades')
  @Roles('depositor', 'manager', 'ops')
  @ApiOkResponse({ type: MarketTradesResponseDto, description: 'the day’s trades in the order they settled' })
  trades(@Query() query: TradingDayQueryDto): Promise<MarketTradesResponseDto> {
    return this.reader.trades(query);
  }
}

/** The same market information for the exchange, signed. */
@Controller('integration/exchange/trading/market-info')
@IntegrationApi()
@Roles('exchange')
export class ExchangeMarketInfoHttpController {
  constructor(@Inject(MarketInfoReader) private readonly reader: MarketInfoReader) {}

  @Get('quotes')
  @ApiOkResponse({ type: MarketQuotesResponseDto, description: 'per commodity: latest price, change against the previous close, high, low, volume and amount' })
  quotes(@Query() query: TradingDayQueryDto): Promise<MarketQuotesResponseDto> {
    return this.reader.quotes(query);
  }

  @Get('trades')
  @ApiOkResponse({ type: MarketTradesResponseDto, description: 'the day’s trades in the order they settled' })
  trades(@Query() query: TradingDayQueryDto): Promise<MarketTradesResponseDto> {
    return this.reader.trades(query);
  }
}
