import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn, loadAggregate } from '@dw/event-store';
import { type BusinessCalendar, type Clock, refuse } from '@dw/kernel';
import { BusinessCalendars, CLOCK, callerContextOf, type Caller } from '@dw/platform';
import type { Actor, ActorRole } from '../../../common/domain/actor';
import type { TradingAccountCommand } from '../../domain/trading-account.commands';
import { takePaymentDecider } from '../../domain/take-payment.decider';
import { tradingAccountDecider } from '../../domain/trading-account.decider';
import type { TradingInvoice } from '../../domain/trading-account.state';
import { tradingStreams } from '../../trading-streams';

const saleNotFound = (takeId: string) => refuse.notFound('TRADING_INVOICE_NOT_FOUND', `no paid sale ${takeId} awaits a VAT invoice`, { takeId });

/**
 * The seller's VAT invoice of a paid take, on the seller's trading account: the take's payment
 * stream names the seller; a trader acting on another's sale is answered as a missing one.
 */
@Injectable()
export class TradingInvoiceCommands {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
  ) {}

  record(takeId: string, invoiceNumber: string, caller: Caller, roles: readonly ActorRole[]): Promise<TradingInvoice> {
    return this.onSale(takeId, caller, roles, (context) => ({ type: 'RecordTradingInvoice', data: { takeId, invoiceNumber, ...context } }));
  }

  verify(takeId: string, caller: Caller): Promise<TradingInvoice> {
    return this.onSale(takeId, caller, ['exchange'], (context) => ({ type: 'VerifyTradingInvoice', data: { takeId, ...context } }));
  }

  private async onSale(
    takeId: string,
    caller: Caller,
    roles: readonly ActorRole[],
    command: (context: { actor: Actor; calendar: BusinessCalendar; at: string }) => TradingAccountCommand,
  ): Promise<TradingInvoice> {
    const { actor, at, metadata } = callerContextOf<ActorRole>(caller, this.clock, [...roles]);
    return this.store.transaction(async (tx) => {
      const sale = await loadAggregate(tx, tradingStreams.takePayment(takeId).streamId, takePaymentDecider);
      const seller = sale.state.figures?.sellerPartyId;
      if (!seller || (actor.role === 'depositor' && actor.partyId !== seller)) throw saleNotFound(takeId);
      const handled = await handleCommandIn(tx, {
        ...tradingStreams.account(seller),
        decider: tradingAccountDecider,
        command: command({ actor, calendar: this.calendars.current(), at }),
        metadata,
      });
      return handled.state.invoices[takeId]!;
    });
  }
}
