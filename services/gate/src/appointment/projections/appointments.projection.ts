import type { Projection } from '@dw/projections';
import type { GateOrderEvent } from '../domain/gate-order.decider';

/** Every appointment with its current slot and status: the gate's day list, the no-show sweep's worklist. */
export const appointmentsProjection: Projection<'appointments', GateOrderEvent> = {
  name: 'appointments',
  tables: {
    appointments: (t) => `CREATE TABLE ${t} (
      appointment_id text PRIMARY KEY,
      order_id text NOT NULL,
      purpose text NOT NULL,
      owner_party_id text NOT NULL,
      plate text NOT NULL,
      driver_name text NOT NULL,
      gate text NOT NULL,
      date date NOT NULL,
      period text NOT NULL,
      ends_at timestamptz NOT NULL,
      status text NOT NULL,
      booked_by text NOT NULL
    )`,
  },
  eventTypes: ['AppointmentBooked', 'AppointmentRescheduled', 'AppointmentMissed', 'AppointmentArrived', 'AppointmentClosed'],
  async apply(tx, events, tables) {
    for (const event of events) {
      switch (event.type) {
        case 'AppointmentBooked': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${tables.appointments}
               (appointment_id, order_id, purpose, owner_party_id, plate, driver_name, gate, date, period, ends_at, status, booked_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'booked', $11)`,
            [d.appointmentId, d.orderId, d.purpose, d.ownerPartyId, d.plate, d.driver.name, d.gate, d.date, d.period, d.endsAt, d.actor.subject],
          );
          break;
        }
        case 'AppointmentRescheduled': {
          const d = event.data;
          await tx.query(`UPDATE ${tables.appointments} SET gate = $2, date = $3, period = $4, ends_at = $5 WHERE appointment_id = $1`, [
            d.appointmentId,
            d.gate,
            d.date,
            d.period,
            d.endsAt,
          ]);
          break;
        }
        case 'AppointmentMissed':
        case 'AppointmentArrived':
        case 'AppointmentClosed': {
          const status = event.type === 'AppointmentMissed' ? 'no_show' : event.type === 'AppointmentArrived' ? 'arrived' : 'closed';
          await tx.query(`UPDATE ${tables.appointments} SET status = $2 WHERE appointment_id = $1`, [event.data.appointmentId, status]);
          break;
        }
        default:
          break;
      }
    }
  },
};
