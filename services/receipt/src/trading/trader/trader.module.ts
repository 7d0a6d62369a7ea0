import { Module } from '@nestjs/common';
import { ApplyForTradingHttpController } from './commands/apply-for-trading/apply-for-trading.http.controller';
import { DecideTraderCommandHandler } from './commands/decide-trader/decide-trader.command-handler';
import { ExchangeTraderHttpController } from './commands/decide-trader/decide-trader.http.controller';
import { TraderRequestsHttpController } from './commands/trader-requests/trader-requests.http.controller';
import { ExchangeTradersHttpController, TradersHttpController } from './queries/traders/traders.http.controller';

/** Receipt traders (仓单交易商, 标准仓单交易管理办法 第六条至第十四条): depositors apply and manage their own record; the exchange decides. */
@Module({
  controllers: [
    ApplyForTradingHttpController,
    TraderRequestsHttpController,
    ExchangeTraderHttpController,
    TradersHttpController,
    ExchangeTradersHttpController,
  ],
  providers: [DecideTraderCommandHandler],
})
export class TraderModule {}
