import { type Command, type Decider, type DomainEvent, requireInstant, unhandledCommand } from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';
import type { StaffState } from './staff.decider';

export type FaceLaneDirection = 'in' | 'out';
export type FacePassRefusalReason = 'staff_unknown' | 'staff_deactivated';

export type RecordFacePass = Command<
  'RecordFacePass',
  {
    /** `<deviceId>-<passId>`: the lane device's own id of the pass. */
    readonly passId: string;
    readonly staffId: string;
    readonly lane: string;
    readonly deviceId: string;
    readonly direction: FaceLaneDirection;
    /** When the lane saw the face, by the device's clock. */
    readonly passedAt: string;
    /** The staff member's stream as it stands. */
    readonly staff: StaffState;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type FacePassCommand = RecordFacePass;

export type StaffFacePassed = DomainEvent<
  'StaffFacePassed',
  {
    readonly passId: string;
    readonly staffId: string;
    readonly lane: string;
    readonly deviceId: string;
    readonly direction: FaceLaneDirection;
    readonly admitted: boolean;
    readonly reasons: readonly FacePassRefusalReason[];
    readonly passedAt: string;
    readonly actor: Actor;
    readonly at: string;
  }
>;
export type FacePassEvent = StaffFacePassed;

/** One pass through a face lane, recorded once. */
export interface FacePassState {
  readonly pass: StaffFacePassed | null;
}

export const facePassDecider: Decider<FacePassCommand, FacePassState, FacePassEvent> = {
  initialState: () => ({ pass: null }),
  evolve: (_state, event) => ({ pass: event }),
  decide(command, state) {
    switch (command.type) {
      case 'RecordFacePass':
        return recordFacePass(command, state);
      default:
        return unhandledCommand(command.type satisfies never);
    }
  },
};

/**
 * A face lane (a signed device) lets an active staff member through, in or out, and refuses an
 * unknown or deactivated one; each pass is recorded once (the device's retry answers the same).
 */
function recordFacePass(command: RecordFacePass, state: FacePassState): FacePassEvent[] {
  // rule GATE-STAFF-FACE-LANE
  const { passId, staffId, lane, deviceId, direction, staff, actor } = command.data;
  requireRole(actor, ['device'], 'record face-lane passes');
  // Kept in one form (UTC, milliseconds) whatever zone the device wrote it in.
  const passedAt = new Date(requireInstant(command.data.passedAt, 'passedAt')).toISOString();
  const at = requireInstant(command.data.at, 'at');
  if (state.pass !== null) return [];
  const reasons: FacePassRefusalReason[] = staff.status === null ? ['staff_unknown'] : staff.status === 'deactivated' ? ['staff_deactivated'] : [];
  return [{ type: 'StaffFacePassed', data: { passId, staffId, lane, deviceId, direction, admitted: reasons.length === 0, reasons, passedAt, actor, at } }];
}
