import { Inject, Injectable } from '@nestjs/common';
import { EventStore, type EventStoreTransaction, handleCommandIn, loadAggregate } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import type { Actor, ActorRole } from '../../../../common/domain/actor';
import { cardIn } from '../../../../common/events/load-streams';
import { commandContextOf, type Caller } from '../../../../common/http/caller';
import { ReceiptOutbox } from '../../../../common/integration/receipt-outbox';
import { marketDecider } from '../../../market/domain/market.decider';
import { marketStream } from '../../../market/market.streams';
import type { TraderBankAccount, TraderClosureBasis, TraderStatus } from '../../domain/trader';
import type { TraderCommand } from '../../domain/trader.commands';
import { traderDecider } from '../../domain/trader.decider';
import { traderPublicEvents } from '../../integration/trader-events.mapper';
import { traderStream } from '../../trader.stream';

/** What is asked of a trader's stream; the handler adds who, when and the facts read from other streams. */
export type TraderRequest =
  | {
      readonly type: 'ApplyForTrading';
      readonly storageCard: string;
      readonly name: string;
      readonly commodities: readonly string[];
      readonly bankAccount: TraderBankAccount;
    }
  | { readonly type: 'ApproveTrader' }
  | { readonly type: 'RejectTrader'; readonly reason: string }
  | { readonly type: 'ChangeTraderPermissions'; readonly commodities: readonly string[] }
  | { readonly type: 'ChangeTraderBankAccount'; readonly bankAccount: TraderBankAccount }
  | { readonly type: 'SuspendTrader'; readonly reason: string }
  | { readonly type: 'ReinstateTrader' }
  | { readonly type: 'RequestTraderClosure'; readonly reason: string }
  | { readonly type: 'CloseTrader'; readonly reason: string; readonly basis: TraderClosureBasis };

/** The trader acts on its own record; the exchange decides everything else through its signed API. */
const ROLES: Readonly<Record<TraderRequest['type'], readonly ActorRole[]>> = {
  ApplyForTrading: ['depositor'],
  ChangeTraderBankAccount: ['depositor'],
  RequestTraderClosure: ['depositor'],
  ApproveTrader: ['exchange'],
  RejectTrader: ['exchange'],
  ChangeTraderPermissions: ['exchange'],
  SuspendTrader: ['exchange'],
  ReinstateTrader: ['exchange'],
  CloseTrader: ['exchange'],
};

export interface TraderResult {
  readonly partyId: string;
  readonly accountNumber: string;
  readonly status: TraderStatus;
  readonly version: number;
}

/**
 * Every command on a trader's stream (`trader-<party>`), in one transaction with the facts it is
 * judged on: the storage card it names and the markets of the commodities it asks for, read
 * from their streams in the same transaction (never from a read model that may lag).
 */
@Injectable()
export class DecideTraderCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `partyId`: the trader's party; for an application, the caller's own. */
  async execute(partyId: string, request: TraderRequest, caller: Caller, expectedVersion?: number): Promise<TraderResult> {
    const { actor, at, metadata } = commandContextOf(caller, ROLES[request.type], this.clock);
    const handled = await this.store.transaction(async (tx) =>
      handleCommandIn(tx, {
        ...traderStream(partyId),
        decider: traderDecider,
        command: await this.commandOf(tx, partyId, request, actor, at),
        metadata,
        expectedVersion,
        outboxFor: this.outbox.of(traderDecider, traderPublicEvents),
      }),
    );
    const trader = handled.state!;
    return { partyId: trader.partyId, accountNumber: trader.accountNumber, status: trader.status, version: handled.version };
  }

  private async commandOf(tx: EventStoreTransaction, partyId: string, request: TraderRequest, actor: Actor, at: string): Promise<TraderCommand> {
    switch (request.type) {
      case 'ApplyForTrading':
        return {
          type: request.type,
          data: {
            partyId,
            cardNumber: request.storageCard,
            card: await cardIn(tx, request.storageCard),
            name: request.name,
            commodities: request.commodities,
            tradedCommodities: await this.tradedAmong(tx, request.commodities),
            bankAccount: request.bankAccount,
            actor,
            at,
          },
        };
      case 'ChangeTraderPermissions':
        return {
          type: request.type,
          data: { commodities: request.commodities, tradedCommodities: await this.tradedAmong(tx, request.commodities), actor, at },
        };
      case 'ChangeTraderBankAccount':
        return { type: request.type, data: { bankAccount: request.bankAccount, actor, at } };
      case 'RejectTrader':
      case 'SuspendTrader':
      case 'RequestTraderClosure':
        return { type: request.type, data: { reason: request.reason, actor, at } };
      case 'CloseTrader':
        return { type: request.type, data: { reason: request.reason, basis: request.basis, actor, at } };
      case 'ApproveTrader':
      case 'ReinstateTrader':
        return { type: request.type, data: { actor, at } };
    }
  }

  /** Which of the commodities asked for the exchange has set a market up for (their streams, in this transaction). */
  private async tradedAmong(tx: EventStoreTransaction, commodities: readonly string[]): Promise<string[]> {
    const traded: string[] = [];
    for (const commodity of new Set(commodities)) {
      const { state } = await loadAggregate(tx, marketStream(commodity).streamId, marketDecider);
      if (state) traded.push(commodity);
    }
    return traded;
  }
}
