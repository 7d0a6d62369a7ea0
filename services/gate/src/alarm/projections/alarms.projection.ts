import type { Projection } from '@dw/projections';
import type { AlarmEvent } from '../domain/alarm.decider';

/** Every alarm with its step and who did each: the open ones (red first) are ops' worklist. */
export const alarmsProjection: Projection<'alarms', AlarmEvent> = {
  name: 'alarms',
  tables: {
    alarms: (t) => `CREATE TABLE ${t} (
      alarm_id text PRIMARY KEY,
      kind text NOT NULL,
      grade text NOT NULL,
      status text NOT NULL,
      source text NOT NULL,
      location text NOT NULL,
      subject text NOT NULL,
      measured bigint NOT NULL,
      threshold bigint NOT NULL,
      detected_at timestamptz NOT NULL,
      alerted_at timestamptz NOT NULL,
      acknowledged_by text,
      acknowledged_at timestamptz,
      handled_by text,
      handled_at timestamptz,
      handling_note text,
      closed_by text,
      closed_at timestamptz,
      closing_note text
    )`,
  },
  eventTypes: ['AlarmRaised', 'AlarmAcknowledged', 'AlarmHandled', 'AlarmClosed'],
  async apply(tx, events, tables) {
    for (const event of events) {
      switch (event.type) {
        case 'AlarmRaised': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${tables.alarms} (alarm_id, kind, grade, status, source, location, subject, measured, threshold, detected_at, alerted_at)
             VALUES ($1, $2, $3, 'alerted', $4, $5, $6, $7, $8, $9, $10)`,
            [d.alarmId, d.kind, d.grade, d.source, d.location, d.subject, d.measured, d.threshold, d.detectedAt, d.alertedAt],
          );
          break;
        }
        case 'AlarmAcknowledged':
          await tx.query(`UPDATE ${tables.alarms} SET status = 'acknowledged', acknowledged_by = $2, acknowledged_at = $3 WHERE alarm_id = $1`, [
            event.data.alarmId,
            event.data.actor.subject,
            event.data.at,
          ]);
          break;
        case 'AlarmHandled':
          await tx.query(`UPDATE ${tables.alarms} SET status = 'handled', handled_by = $2, handled_at = $3, handling_note = $4 WHERE alarm_id = $1`, [
            event.data.alarmId,
            event.data.actor.subject,
            event.data.at,
            event.data.note,
          ]);
          break;
        case 'AlarmClosed':
          await tx.query(`UPDATE ${tables.alarms} SET status = 'closed', closed_by = $2, closed_at = $3, closing_note = $4 WHERE alarm_id = $1`, [
            event.data.alarmId,
            event.data.actor.subject,
            event.data.at,
            event.data.note,
          ]);
          break;
      }
    }
  },
};
