import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand, loadAggregate } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, type Caller, callerContextOf } from '@dw/platform';
import { onStream, streams } from '../shared/inventory.streams';
import { commodityCatalogueDecider, type CommodityCatalogueState } from './domain/commodity-catalogue.decider';
import type { CommodityCatalogueCommand } from './domain/commodity-catalogue.commands';

/** A catalogue command as a use case receives it: the actor and the instant are stamped here. */
export type Unstamped<C> = C extends { type: infer T; data: infer D } ? { type: T; data: Omit<D, 'actor' | 'at'> } : never;

/** The one catalogue stream the commodity use cases change and read. */
@Injectable()
export class CommodityCatalogueStream {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Master data changes on the one catalogue stream; concurrent edits of different entries commute, so they retry. */
  async change(command: Unstamped<CommodityCatalogueCommand>, caller: Caller) {
    const { actor, at, metadata } = callerContextOf(caller, this.clock);
    return handleCommand(this.store, {
      ...onStream(streams.catalogue),
      decider: commodityCatalogueDecider,
      command: { type: command.type, data: { ...command.data, actor: actor.subject, at } } as CommodityCatalogueCommand,
      metadata,
      retriesOnConflict: 3,
    });
  }

  /** The catalogue as its stream says it is now. */
  async current(): Promise<CommodityCatalogueState> {
    return (await this.store.transaction((tx) => loadAggregate(tx, streams.catalogue.id, commodityCatalogueDecider))).state;
  }
}
