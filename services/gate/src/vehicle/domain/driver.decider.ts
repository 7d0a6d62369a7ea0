import {
  type Command,
  type Decider,
  type DomainEvent,
  refuse,
  requireInstant,
  requireText,
  unhandledCommand,
  requireMobile,
  requireResidentId,
} from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';
import { type BlacklistEntry, blacklistEntryOf, blacklistLiftingOf } from './blacklisting';

export type RegisterDriver = Command<
  'RegisterDriver',
  { readonly residentIdNumber: string; readonly name: string; readonly mobile: string; readonly actor: Actor; readonly at: string }
>;
export type BlacklistDriver = Command<
  'BlacklistDriver',
  { readonly residentIdNumber: string; readonly reason: string; readonly actor: Actor; readonly at: string }
>;
export type LiftDriverBlacklisting = Command<
  'LiftDriverBlacklisting',
  { readonly residentIdNumber: string; readonly reason: string; readonly actor: Actor; readonly at: string }
>;
export type DriverCommand = RegisterDriver | BlacklistDriver | LiftDriverBlacklisting;

export type DriverRegistered = DomainEvent<
  'DriverRegistered',
  { readonly residentIdNumber: string; readonly name: string; readonly mobile: string; readonly actor: Actor; readonly at: string }
>;
export type DriverBlacklisted = DomainEvent<
  'DriverBlacklisted',
  { readonly residentIdNumber: string; readonly reason: string; readonly by: string; readonly actor: Actor; readonly at: string }
>;
export type DriverBlacklistingLifted = DomainEvent<
  'DriverBlacklistingLifted',
  { readonly residentIdNumber: string; readonly reason: string; readonly by: string; readonly actor: Actor; readonly at: string }
>;
export type DriverEvent = DriverRegistered | DriverBlacklisted | DriverBlacklistingLifted;

/** One driver by resident ID number: registered (name, mobile) or not, and blacklisted or not. */
export interface DriverState {
  readonly name: string | null;
  readonly mobile: string | null;
  readonly blacklisted: BlacklistEntry | null;
}

export const driverDecider: Decider<DriverCommand, DriverState, DriverEvent> = {
  initialState: () => ({ name: null, mobile: null, blacklisted: null }),

  evolve(state, event) {
    switch (event.type) {
      case 'DriverRegistered':
        return { ...state, name: event.data.name, mobile: event.data.mobile };
      case 'DriverBlacklisted':
        return { ...state, blacklisted: { reason: event.data.reason, by: event.data.by, at: event.data.at } };
      case 'DriverBlacklistingLifted':
        return { ...state, blacklisted: null };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterDriver':
        return registerDriver(command, state);
      case 'BlacklistDriver':
        return blacklistDriver(command, state);
      case 'LiftDriverBlacklisting':
        return liftDriverBlacklisting(command, state);
      default:
        return unhandledCommand(command satisfies never);
    }
  },
};

/** A manager or a guard registers a driver: name, a resident ID number with its check character, a mainland mobile; once per ID number. */
function registerDriver(command: RegisterDriver, state: DriverState): DriverEvent[] {
  // rule GATE-DRIVER-ID
  const { actor } = command.data;
  requireRole(actor, ['manager', 'gate_guard'], 'register drivers');
  const residentIdNumber = requireResidentId(command.data.residentIdNumber, 'residentIdNumber');
  const name = requireText(command.data.name, 'name');
  const mobile = requireMobile(command.data.mobile, 'mobile');
  const at = requireInstant(command.data.at, 'at');
  if (state.name !== null) throw refuse.conflict('DRIVER_ALREADY_REGISTERED', `a driver with that ID number is already registered`, {});
  return [{ type: 'DriverRegistered', data: { residentIdNumber, name, mobile, actor, at } }];
}

function blacklistDriver(command: BlacklistDriver, state: DriverState): DriverEvent[] {
  const residentIdNumber = requireResidentId(command.data.residentIdNumber, 'residentIdNumber');
  const entry = blacklistEntryOf(command.data, state.blacklisted, 'the driver');
  return [{ type: 'DriverBlacklisted', data: { residentIdNumber, ...entry, actor: command.data.actor } }];
}

function liftDriverBlacklisting(command: LiftDriverBlacklisting, state: DriverState): DriverEvent[] {
  const residentIdNumber = requireResidentId(command.data.residentIdNumber, 'residentIdNumber');
  const lifting = blacklistLiftingOf(command.data, state.blacklisted, 'the driver');
  return [{ type: 'DriverBlacklistingLifted', data: { residentIdNumber, ...lifting, actor: command.data.actor } }];
}
