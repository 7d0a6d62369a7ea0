import { type Command, type Decider, type DomainEvent, refuse, requireInstant, requireOneOf, unhandledCommand } from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';
import { type BlacklistEntry, blacklistEntryOf, blacklistLiftingOf } from './blacklisting';
import { requirePlate } from './plate';
import { VEHICLE_CLASSES, type VehicleClass } from './vehicle-classes';

export type RegisterVehicle = Command<
  'RegisterVehicle',
  { readonly plate: string; readonly vehicleClass: string; readonly description: string; readonly actor: Actor; readonly at: string }
>;
export type BlacklistVehicle = Command<'BlacklistVehicle', { readonly plate: string; readonly reason: string; readonly actor: Actor; readonly at: string }>;
export type LiftVehicleBlacklisting = Command<
  'LiftVehicleBlacklisting',
  { readonly plate: string; readonly reason: string; readonly actor: Actor; readonly at: string }
>;
export type VehicleCommand = RegisterVehicle | BlacklistVehicle | LiftVehicleBlacklisting;

export type VehicleRegistered = DomainEvent<
  'VehicleRegistered',
  { readonly plate: string; readonly vehicleClass: VehicleClass; readonly description: string; readonly actor: Actor; readonly at: string }
>;
export type VehicleBlacklisted = DomainEvent<
  'VehicleBlacklisted',
  { readonly plate: string; readonly reason: string; readonly by: string; readonly actor: Actor; readonly at: string }
>;
export type VehicleBlacklistingLifted = DomainEvent<
  'VehicleBlacklistingLifted',
  { readonly plate: string; readonly reason: string; readonly by: string; readonly actor: Actor; readonly at: string }
>;
export type VehicleEvent = VehicleRegistered | VehicleBlacklisted | VehicleBlacklistingLifted;

/** One plate: its class once registered (null: never registered), and its blacklisting. */
export interface VehicleState {
  readonly vehicleClass: VehicleClass | null;
  readonly description: string | null;
  readonly blacklisted: BlacklistEntry | null;
}

export const vehicleDecider: Decider<VehicleCommand, VehicleState, VehicleEvent> = {
  initialState: () => ({ vehicleClass: null, description: null, blacklisted: null }),

  evolve(state, event) {
    switch (event.type) {
      case 'VehicleRegistered':
        return { ...state, vehicleClass: event.data.vehicleClass, description: event.data.description };
      case 'VehicleBlacklisted':
        return { ...state, blacklisted: { reason: event.data.reason, by: event.data.by, at: event.data.at } };
      case 'VehicleBlacklistingLifted':
        return { ...state, blacklisted: null };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterVehicle':
        return registerVehicle(command, state);
      case 'BlacklistVehicle':
        return blacklistVehicle(command, state);
      case 'LiftVehicleBlacklisting':
        return liftVehicleBlacklisting(command, state);
      default:
        return unhandledCommand(command satisfies never);
    }
  },
};

/** A manager registers a plate in one of the classes; a plate is registered once. */
function registerVehicle(command: RegisterVehicle, state: VehicleState): VehicleEvent[] {
  // rule GATE-VEHICLE-CLASS
  const { actor } = command.data;
  requireRole(actor, ['manager'], 'register vehicles');
  const plate = requirePlate(command.data.plate, 'plate');
  const vehicleClass = requireOneOf(command.data.vehicleClass, VEHICLE_CLASSES, 'vehicleClass');
  const at = requireInstant(command.data.at, 'at');
  if (state.vehicleClass !== null) {
    throw refuse.conflict('VEHICLE_ALREADY_REGISTERED', `${plate} is already registered as ${state.vehicleClass}`, { vehicleClass: state.vehicleClass });
  }
  return [{ type: 'VehicleRegistered', data: { plate, vehicleClass, description: (command.data.description ?? '').trim(), actor, at } }];
}

function blacklistVehicle(command: BlacklistVehicle, state: VehicleState): VehicleEvent[] {
  const plate = requirePlate(command.data.plate, 'plate');
  const entry = blacklistEntryOf(command.data, state.blacklisted, plate);
  return [{ type: 'VehicleBlacklisted', data: { plate, ...entry, actor: command.data.actor } }];
}

function liftVehicleBlacklisting(command: LiftVehicleBlacklisting, state: VehicleState): VehicleEvent[] {
  const plate = requirePlate(command.data.plate, 'plate');
  const lifting = blacklistLiftingOf(command.data, state.blacklisted, plate);
  return [{ type: 'VehicleBlacklistingLifted', data: { plate, ...lifting, actor: command.data.actor } }];
}
