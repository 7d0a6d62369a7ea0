import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn, loadAggregate } from '@dw/event-store';
import type { BusinessCalendar, Clock } from '@dw/kernel';
import { BusinessCalendars, CLOCK, callerContextOf, type Caller } from '@dw/platform';
import type { Actor, ActorRole } from '../../common/domain/actor';
import { tradingAccountDirectoryDecider } from '../domain/trading-account-directory.decider';
import type { TradingAccountCommand } from '../domain/trading-account.commands';
import { tradingAccountDecider } from '../domain/trading-account.decider';
import type { TradingAccountState } from '../domain/trading-account.state';
import { tradingAccountNotFound } from '../queries/trading-account/trading-account.http.controller';
import { tradingStreams } from '../trading-streams';

export interface TradingCommandContext {
  readonly actor: Actor;
  readonly calendar: BusinessCalendar;
  readonly at: string;
}

/**
 * Runs a caller's command on a trader's trading account: the caller acts in the first of the
 * route's roles it holds; a trader acting on another's account is answered as about a missing one.
 */
@Injectable()
export class TradingAccountCommands {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BusinessCalendars) private readonly calendars: BusinessCalendars,
  ) {}

  async execute(
    partyId: string,
    caller: Caller,
    roles: readonly ActorRole[],
    command: (context: TradingCommandContext) => TradingAccountCommand,
  ): Promise<{ state: TradingAccountState; version: number }> {
    const { actor, at, metadata } = callerContextOf<ActorRole>(caller, this.clock, [...roles]);
    if (actor.role === 'depositor' && actor.partyId !== partyId) throw tradingAccountNotFound(partyId);
    return this.store.transaction(async (tx) => {
      const handled = await handleCommandIn(tx, {
        ...tradingStreams.account(partyId),
        decider: tradingAccountDecider,
        command: command({ actor, calendar: this.calendars.current(), at }),
        metadata,
      });
      return { state: handled.state, version: handled.version };
    });
  }

  /** The trader of a trading account number (a bank names the account, not the party). */
  async partyOfAccountNumber(accountNumber: string): Promise<string> {
    const { state } = await this.store.transaction((tx) => loadAggregate(tx, tradingStreams.directory().streamId, tradingAccountDirectoryDecider));
    const partyId = state.partyByNumber[accountNumber];
    if (partyId === undefined) throw tradingAccountNotFound(accountNumber);
    return partyId;
  }
}
