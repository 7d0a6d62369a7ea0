import type { Detection } from './alarm.decider';
import { type AlarmThresholds, type RefusalReasonCode, refusalGradeOf } from './alarm-thresholds';

/** A refusal at the gate is an alarm, graded by its worst reason (a blacklisted plate is red): one per refused visit. */
export function refusalAlarmOf(
  refused: {
    readonly visitId: string;
    readonly plate: string;
    readonly gate: string;
    readonly reasons: readonly ('blacklisted' | 'no_appointment' | 'guard_release_required')[];
    readonly at: string;
  },
  thresholds: AlarmThresholds,
): Detection {
  // rule GATE-ALARM-REFUSAL
  return {
    alarmId: `refusal-${refused.visitId}`,
    kind: 'gate_refusal',
    grade: refusalGradeOf(thresholds, refused.reasons),
    source: refused.visitId,
    location: refused.gate,
    subject: refused.plate,
    measured: 0,
    threshold: 0,
    detectedAt: refused.at,
  };
}

/**
 * A person turned away at the gate (a visitor at the gatehouse, a staff member's face at a lane)
 * is an alarm like a vehicle's refusal, graded by its worst reason: one per refused attempt.
 */
export function personRefusalAlarmOf(
  refused: {
    /** The refused attempt: a visitor's entry id, or a face lane's pass id. */
    readonly refusalId: string;
    /** The gate or the face lane. */
    readonly location: string;
    /** The ID number presented, or the staff id. */
    readonly subject: string;
    readonly reasons: readonly RefusalReasonCode[];
    readonly at: string;
  },
  thresholds: AlarmThresholds,
): Detection {
  // rule GATE-ALARM-REFUSAL
  return {
    alarmId: `refusal-${refused.refusalId}`,
    kind: 'gate_refusal',
    grade: refusalGradeOf(thresholds, refused.reasons),
    source: refused.refusalId,
    location: refused.location,
    subject: refused.subject,
    measured: 0,
    threshold: 0,
    detectedAt: refused.at,
  };
}
