import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK, type Caller, callerContextOf } from '@dw/platform';
import { onStream, streams } from '../../../shared/inventory.streams';
import type { DefineLocation } from '../../domain/location.commands';
import { locationDecider } from '../../domain/location.decider';

/** Locations are defined by managers; goods arrive and leave through lot put-aways, moves and load-outs. */
@Injectable()
export class DefineLocationCommandHandler {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(location: Omit<DefineLocation['data'], 'actor' | 'at'>, caller: Caller) {
    const { actor, at, metadata } = callerContextOf(caller, this.clock);
    const stream = streams.location(location.locationId);
    return handleCommand(this.store, {
      ...onStream(stream),
      decider: locationDecider,
      command: { type: 'DefineLocation', data: { ...location, actor: actor.subject, at } },
      metadata,
    });
  }
}
