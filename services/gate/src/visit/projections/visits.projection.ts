import type { Projection } from '@dw/projections';
import type { VisitEvent } from '../domain/visit.decider';

/** Every entry and refusal at the gates: the day's list, and the traffic counts by class, purpose and day. */
export const visitsProjection: Projection<'visits', VisitEvent> = {
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
      day date NOT NULL
    )`,
  },
  eventTypes: ['VehicleAdmitted', 'VehicleRefused'],
  async apply(tx, events, tables) {
    for (const event of events) {
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
