import type { Projection } from '@dw/projections';
import type { VehicleAdmitted, VehicleLeft, VehicleRefused } from '../domain/visit.decider';

type CountedEvent = VehicleAdmitted | VehicleRefused | VehicleLeft;

/**
 * Every entry and refusal at the gates, and every exit: the day's list, the vehicles on site by
 * plate (admitted, not left: how a scale reading or an exit read finds its visit), and the
 * traffic counts by direction, class, purpose and day.
 */
export const visitsProjection: Projection<'visits' | 'visit_exits', CountedEvent> = {
  name: 'visits',
  tables: {
    visits: (t) => `CREATE TABLE ${t} (
      visit_id text PRIMARY KEY,
      plate text NOT NULL,
      vehicle_class text NOT NULL,
      gate text NOT NULL,
      direction text NOT NULL,
      outcome text NOT NULL,
      purpose text,
      appointment_id text,
      reasons text[] NOT NULL,
      method text NOT NULL,
      decided_by text NOT NULL,
      note text NOT NULL,
      at timestamptz NOT NULL,
      day date NOT NULL,
      left_at timestamptz
    )`,
    visit_exits: (t) => `CREATE TABLE ${t} (
      visit_id text PRIMARY KEY,
      plate text NOT NULL,
      vehicle_class text NOT NULL,
      purpose text NOT NULL,
      gate text NOT NULL,
      pass_number text,
      method text NOT NULL,
      left_by text NOT NULL,
      note text NOT NULL,
      at timestamptz NOT NULL,
      day date NOT NULL
    )`,
  },
  eventTypes: ['VehicleAdmitted', 'VehicleRefused', 'VehicleLeft'],
  async apply(tx, events, tables) {
    for (const event of events) {
      if (event.type === 'VehicleLeft') {
        const d = event.data;
        await tx.query(`UPDATE ${tables.visits} SET left_at = $2 WHERE visit_id = $1`, [d.visitId, d.at]);
        await tx.query(
          `INSERT INTO ${tables.visit_exits} (visit_id, plate, vehicle_class, purpose, gate, pass_number, method, left_by, note, at, day)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ($10::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)`,
          [d.visitId, d.plate, d.vehicleClass, d.purpose, d.gate, d.passNumber, d.method, d.actor.subject, d.reason, d.at],
        );
        continue;
      }
      const d = event.data;
      const admitted = event.type === 'VehicleAdmitted';
      await tx.query(
        `INSERT INTO ${tables.visits}
           (visit_id, plate, vehicle_class, gate, direction, outcome, purpose, appointment_id, reasons, method, decided_by, note, at, day)
         VALUES ($1, $2, $3, $4, 'in', $5, $6, $7, $8, $9, $10, $11, $12, ($12::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)`,
        [
          d.visitId,
          d.plate,
          d.vehicleClass,
          d.gate,
          admitted ? 'admitted' : 'refused',
          admitted ? event.data.purpose : null,
          admitted ? event.data.appointmentId : null,
          admitted ? [] : [...event.data.reasons],
          d.method,
          d.actor.subject,
          admitted ? event.data.reason : event.data.note,
          d.at,
        ],
      );
    }
  },
};
