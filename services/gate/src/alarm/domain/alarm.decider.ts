import { type Command, type Decider, type DomainEvent, refuse, requireInstant, requireText, unhandledCommand } from '@dw/kernel';
import { type Actor, requireRole } from '../../common/domain/actor';
import type { AlarmGrade, AlarmKind } from './alarm-thresholds';

export type AlarmStatus = 'alerted' | 'acknowledged' | 'handled' | 'closed';

export interface Detection {
  readonly alarmId: string;
  readonly kind: AlarmKind;
  readonly grade: AlarmGrade;
  /** The device's client id, or the refused visit's id. */
  readonly source: string;
  readonly location: string;
  /** The plate, or the commodity stored there. */
  readonly subject: string;
  readonly measured: number;
  readonly threshold: number;
  readonly detectedAt: string;
}

export type RaiseAlarm = Command<'RaiseAlarm', Detection & { readonly at: string }>;
export type AcknowledgeAlarm = Command<'AcknowledgeAlarm', { readonly alarmId: string; readonly actor: Actor; readonly at: string }>;
export type HandleAlarm = Command<'HandleAlarm', { readonly alarmId: string; readonly note: string; readonly actor: Actor; readonly at: string }>;
export type CloseAlarm = Command<'CloseAlarm', { readonly alarmId: string; readonly note: string; readonly actor: Actor; readonly at: string }>;
export type AlarmCommand = RaiseAlarm | AcknowledgeAlarm | HandleAlarm | CloseAlarm;

export type AlarmRaised = DomainEvent<'AlarmRaised', Detection & { readonly alertedAt: string }>;
export type AlarmAcknowledged = DomainEvent<'AlarmAcknowledged', { readonly alarmId: string; readonly actor: Actor; readonly at: string }>;
export type AlarmHandled = DomainEvent<'AlarmHandled', { readonly alarmId: string; readonly note: string; readonly actor: Actor; readonly at: string }>;
export type AlarmClosed = DomainEvent<'AlarmClosed', { readonly alarmId: string; readonly note: string; readonly actor: Actor; readonly at: string }>;
export type AlarmEvent = AlarmRaised | AlarmAcknowledged | AlarmHandled | AlarmClosed;

/** One alarm: detected and alerted, then acknowledged, handled (with a note) and closed, each with who and when. */
export interface AlarmState {
  readonly status: AlarmStatus | null;
  readonly handlingNote: string | null;
}

const NEXT: Record<AlarmStatus, AlarmStatus | null> = { alerted: 'acknowledged', acknowledged: 'handled', handled: 'closed', closed: null };

export const alarmDecider: Decider<AlarmCommand, AlarmState, AlarmEvent> = {
  initialState: () => ({ status: null, handlingNote: null }),

  evolve(state, event) {
    switch (event.type) {
      case 'AlarmRaised':
        return { ...state, status: 'alerted' };
      case 'AlarmAcknowledged':
        return { ...state, status: 'acknowledged' };
      case 'AlarmHandled':
        return { status: 'handled', handlingNote: event.data.note };
      case 'AlarmClosed':
        return { ...state, status: 'closed' };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RaiseAlarm':
        return raiseAlarm(command, state);
      case 'AcknowledgeAlarm':
        return acknowledgeAlarm(command, state);
      case 'HandleAlarm':
        return handleAlarm(command, state);
      case 'CloseAlarm':
        return closeAlarm(command, state);
      default:
        return unhandledCommand(command satisfies never);
    }
  },
};

/** Detected → alerted at once; one detection raises its alarm once (a device's retry changes nothing). */
function raiseAlarm(command: RaiseAlarm, state: AlarmState): AlarmEvent[] {
  const { at, ...detection } = command.data;
  if (state.status !== null) return [];
  return [{ type: 'AlarmRaised', data: { ...detection, detectedAt: requireInstant(detection.detectedAt, 'detectedAt'), alertedAt: requireInstant(at, 'at') } }];
}

/** The step an alarm is at must be the one before `wanted`: the loop runs in order and never backwards. */
function requireStep(state: AlarmState, alarmId: string, wanted: AlarmStatus): void {
  // rule GATE-ALARM-LOOP
  if (state.status === null) throw refuse.notFound('ALARM_NOT_FOUND', `no alarm ${alarmId}`, { alarmId });
  if (NEXT[state.status] !== wanted) {
    throw refuse.conflict(
      wanted === 'closed' ? 'ALARM_NOT_HANDLED' : 'ALARM_STEP_OUT_OF_ORDER',
      `alarm ${alarmId} is ${state.status}; it cannot be ${wanted} now`,
      {
        status: state.status,
        next: state.status === null ? null : NEXT[state.status],
      },
    );
  }
}

const STAFF: readonly Actor['role'][] = ['gate_guard', 'ops', 'manager'];

function acknowledgeAlarm(command: AcknowledgeAlarm, state: AlarmState): AlarmEvent[] {
  const { alarmId, actor } = command.data;
  requireRole(actor, STAFF, 'acknowledge alarms');
  const at = requireInstant(command.data.at, 'at');
  requireStep(state, alarmId, 'acknowledged');
  return [{ type: 'AlarmAcknowledged', data: { alarmId, actor, at } }];
}

/** What was done, in words: the handling note is what the alarm is closed on. */
function handleAlarm(command: HandleAlarm, state: AlarmState): AlarmEvent[] {
  const { alarmId, actor } = command.data;
  requireRole(actor, STAFF, 'handle alarms');
  const at = requireInstant(command.data.at, 'at');
  requireStep(state, alarmId, 'handled');
  const note = requireText(command.data.note, 'note');
  return [{ type: 'AlarmHandled', data: { alarmId, note, actor, at } }];
}

/** Only a handled alarm closes (`ALARM_NOT_HANDLED` before), by ops or a manager. */
function closeAlarm(command: CloseAlarm, state: AlarmState): AlarmEvent[] {
  // rule GATE-ALARM-CLOSE-NEEDS-HANDLING
  const { alarmId, actor } = command.data;
  requireRole(actor, ['ops', 'manager'], 'close alarms');
  const at = requireInstant(command.data.at, 'at');
  requireStep(state, alarmId, 'closed');
  return [{ type: 'AlarmClosed', data: { alarmId, note: (command.data.note ?? '').trim(), actor, at } }];
}
