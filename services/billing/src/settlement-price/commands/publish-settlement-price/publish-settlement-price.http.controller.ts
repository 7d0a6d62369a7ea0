import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EventStore, handleCommand } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { BusinessCalendars, callerContextOf, CLOCK, CurrentCaller, Idempotent, IntegrationApi, Roles, type Caller } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { BillingOutbox } from '../../../common/integration/billing-outbox';
import { settlementPricesDecider } from '../../domain/settlement-prices.decider';
import { settlementPricePublicEvents } from '../../integration/settlement-price-events.mapper';
import { SettlementPriceResponseDto } from '../../queries/settlement-prices/settlement-prices.response.dto';
import { PublishSettlementPriceRequestDto } from './publish-settlement-price.request.dto';

/** The exchange publishes a trading day's settlement price of each contract through its signed integration API. */
@Controller('integration/exchange')
@IntegrationApi()
@Roles('exchange')
export class PublishSettlementPriceHttpController {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
    @Inject(BillingOutbox) private readonly outbox: BillingOutbox,
  ) {}

  @Post('settlement-prices')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: SettlementPriceResponseDto, description: 'recorded (the same price again answers the same)' })
  async publish(@Body() body: PublishSettlementPriceRequestDto, @CurrentCaller() caller: Caller): Promise<SettlementPriceResponseDto> {
    const { actor, at, metadata } = callerContextOf(caller, this.clock, ['exchange']);
    const handled = await handleCommand(this.store, {
      ...streams.settlementPrices(body.commodity),
      decider: settlementPricesDecider,
      command: { type: 'PublishSettlementPrice', data: { ...body, actor, calendar: this.calendars.current(), at } },
      metadata,
      // Every price recorded goes out on billing.settlement-price.v1 in the transaction that records it.
      outbox: this.outbox.of(settlementPricePublicEvents),
    });
    const { commodity, tradingDay, contract, fenPerTonne } = handled.state.contractsByDay[body.tradingDay]![body.contract]!;
    return { commodity, tradingDay, contract, fenPerTonne };
  }
}
