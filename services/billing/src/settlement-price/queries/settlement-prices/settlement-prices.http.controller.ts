import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EventStore, loadAggregate } from '@dw/event-store';
import { localDate, refuse } from '@dw/kernel';
import { Roles } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { contractPricesOn, settlementPricesDecider } from '../../domain/settlement-prices.decider';
import { ContractSettlementPricesResponseDto, SettlementPricesResponseDto } from './settlement-prices.response.dto';
import { ContractSettlementPricesQueryDto } from './settlement-prices.query.dto';

/** The settlement prices the exchange published for a commodity, which over/short at load-out is settled at. */
@Controller('settlement-prices')
@Roles('manager', 'clerk', 'depositor')
export class SettlementPricesHttpController {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  @Get(':commodity')
  @ApiOkResponse({ type: SettlementPricesResponseDto, description: 'every trading day published, oldest first' })
  async prices(@Param('commodity') commodity: string): Promise<SettlementPricesResponseDto> {
    const { state } = await this.store.transaction((tx) => loadAggregate(tx, streams.settlementPrices(commodity).streamId, settlementPricesDecider));
    const prices = Object.values(state.byDay).sort((a, b) => a.tradingDay.localeCompare(b.tradingDay));
    if (prices.length === 0) throw refuse.notFound('SETTLEMENT_PRICES_NOT_FOUND', `no settlement price of ${commodity} has been published`, { commodity });
    return { commodity, prices: prices.map(({ commodity: c, tradingDay, contract, fenPerTonne }) => ({ commodity: c, tradingDay, contract, fenPerTonne })) };
  }

  @Get(':commodity/contracts')
  @ApiOkResponse({
    type: ContractSettlementPricesResponseDto,
    description: 'every contract’s price of the trading day, by contract, the nearest month flagged',
  })
  async contracts(@Param('commodity') commodity: string, @Query() query: ContractSettlementPricesQueryDto): Promise<ContractSettlementPricesResponseDto> {
    const tradingDay = localDate(query.tradingDay, 'tradingDay');
    const { state } = await this.store.transaction((tx) => loadAggregate(tx, streams.settlementPrices(commodity).streamId, settlementPricesDecider));
    const prices = contractPricesOn(state, tradingDay);
    if (prices.length === 0) {
      throw refuse.notFound('SETTLEMENT_PRICES_NOT_FOUND', `no settlement price of ${commodity} has been published for ${tradingDay}`, {
        commodity,
        tradingDay,
      });
    }
    return { commodity, tradingDay, prices: prices.map(({ contract, fenPerTonne, nearestMonth }) => ({ contract, fenPerTonne, nearestMonth })) };
  }
}
