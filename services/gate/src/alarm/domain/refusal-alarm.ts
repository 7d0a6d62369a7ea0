import type { Detection } from './alarm.decider';
import { type AlarmThresholds, refusalGradeOf } from './alarm-thresholds';

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
