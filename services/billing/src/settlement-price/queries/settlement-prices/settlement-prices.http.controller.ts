import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EventStore, loadAggregate } from '@dw/event-store';
import { refuse } from '@dw/kernel';
import { Roles } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { settlementPricesDecider } from '../../domain/settlement-prices.decider';
import { SettlementPricesResponseDto } from './settlement-prices.response.dto';

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
}
