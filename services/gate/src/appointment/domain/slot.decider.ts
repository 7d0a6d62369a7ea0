import { type Command, type Decider, type DomainEvent, refuse, requirePositiveInteger, unhandledCommand } from '@dw/kernel';

export type TakePlace = Command<'TakePlace', { readonly slot: string; readonly appointmentId: string; readonly capacity: number; readonly at: string }>;
export type ReleasePlace = Command<'ReleasePlace', { readonly slot: string; readonly appointmentId: string; readonly at: string }>;
export type SlotCommand = TakePlace | ReleasePlace;

export type PlaceTaken = DomainEvent<'PlaceTaken', { readonly slot: string; readonly appointmentId: string; readonly at: string }>;
export type PlaceReleased = DomainEvent<'PlaceReleased', { readonly slot: string; readonly appointmentId: string; readonly at: string }>;
export type SlotEvent = PlaceTaken | PlaceReleased;

/** The appointments holding a place in one gate's period on one day. */
export interface SlotState {
  readonly holders: readonly string[];
}

export const slotDecider: Decider<SlotCommand, SlotState, SlotEvent> = {
  initialState: () => ({ holders: [] }),

  evolve(state, event) {
    switch (event.type) {
      case 'PlaceTaken':
        return { holders: [...state.holders, event.data.appointmentId] };
      case 'PlaceReleased':
        return { holders: state.holders.filter((holder) => holder !== event.data.appointmentId) };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'TakePlace':
        return takePlace(command, state);
      case 'ReleasePlace':
        return releasePlace(command, state);
      default:
        return unhandledCommand(command satisfies never);
    }
  },
};

/** An appointment takes a place while fewer than the period's capacity are taken; the same appointment again changes nothing. */
function takePlace(command: TakePlace, state: SlotState): SlotEvent[] {
  // rule GATE-SLOT-CAPACITY
  const { slot, appointmentId, at } = command.data;
  const capacity = requirePositiveInteger(command.data.capacity, 'capacity');
  if (state.holders.includes(appointmentId)) return [];
  if (state.holders.length >= capacity) {
    throw refuse.conflict('SLOT_FULL', `${slot} has all its ${capacity} places taken`, { slot, capacity, taken: state.holders.length });
  }
  return [{ type: 'PlaceTaken', data: { slot, appointmentId, at } }];
}

function releasePlace(command: ReleasePlace, state: SlotState): SlotEvent[] {
  const { slot, appointmentId, at } = command.data;
  return state.holders.includes(appointmentId) ? [{ type: 'PlaceReleased', data: { slot, appointmentId, at } }] : [];
}
