import { type Command, type Decider, type DomainEvent, refuse, requireInstant, requireResidentId, requireText, unhandledCommand } from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';

export type RegisterStaff = Command<
  'RegisterStaff',
  { readonly staffId: string; readonly name: string; readonly residentIdNumber: string; readonly actor: Actor; readonly at: string }
>;
export type DeactivateStaff = Command<'DeactivateStaff', { readonly staffId: string; readonly reason: string; readonly actor: Actor; readonly at: string }>;
export type StaffCommand = RegisterStaff | DeactivateStaff;

export type StaffRegistered = DomainEvent<
  'StaffRegistered',
  { readonly staffId: string; readonly name: string; readonly residentIdNumber: string; readonly actor: Actor; readonly at: string }
>;
export type StaffDeactivated = DomainEvent<
  'StaffDeactivated',
  { readonly staffId: string; readonly reason: string; readonly actor: Actor; readonly at: string }
>;
export type StaffEvent = StaffRegistered | StaffDeactivated;

/** One staff member the face lanes know: null until registered, active until deactivated. */
export interface StaffState {
  readonly status: 'active' | 'deactivated' | null;
  readonly name: string | null;
}

export const staffDecider: Decider<StaffCommand, StaffState, StaffEvent> = {
  initialState: () => ({ status: null, name: null }),

  evolve(state, event) {
    switch (event.type) {
      case 'StaffRegistered':
        return { status: 'active', name: event.data.name };
      case 'StaffDeactivated':
        return { ...state, status: 'deactivated' };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterStaff':
        return registerStaff(command, state);
      case 'DeactivateStaff':
        return deactivateStaff(command, state);
      default:
        return unhandledCommand(command satisfies never);
    }
  },
};

/** A manager enrols a staff member for the face lanes (name, checked ID number), once per staff id. */
function registerStaff(command: RegisterStaff, state: StaffState): StaffEvent[] {
  const { staffId, actor } = command.data;
  requireRole(actor, ['manager'], 'register staff');
  const name = requireText(command.data.name, 'name');
  const residentIdNumber = requireResidentId(command.data.residentIdNumber, 'residentIdNumber');
  const at = requireInstant(command.data.at, 'at');
  if (state.status !== null) throw refuse.conflict('STAFF_ALREADY_REGISTERED', `staff ${staffId} is already registered`, { status: state.status });
  return [{ type: 'StaffRegistered', data: { staffId, name, residentIdNumber, actor, at } }];
}

/** A manager deactivates a staff member with a reason (left, suspended): the face lanes refuse them from then on. */
function deactivateStaff(command: DeactivateStaff, state: StaffState): StaffEvent[] {
  const { staffId, actor } = command.data;
  requireRole(actor, ['manager'], 'deactivate staff');
  const reason = requireText(command.data.reason, 'reason');
  const at = requireInstant(command.data.at, 'at');
  if (state.status === null) throw refuse.notFound('STAFF_NOT_FOUND', `no staff member ${staffId}`, { staffId });
  if (state.status === 'deactivated') throw refuse.conflict('STAFF_ALREADY_DEACTIVATED', `staff ${staffId} is already deactivated`, {});
  return [{ type: 'StaffDeactivated', data: { staffId, reason, actor, at } }];
}
