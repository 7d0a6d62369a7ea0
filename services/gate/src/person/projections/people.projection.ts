import type { Projection } from '@dw/projections';
import type { FacePassEvent } from '../domain/face-pass.decider';
import type { PersonVisitEvent } from '../domain/person-visit.decider';

/** Every visitor's visit where it stands (who is on site), and every pass through the face lanes. */
export const peopleProjection: Projection<'person_visits' | 'face_passes', PersonVisitEvent | FacePassEvent> = {
  name: 'people',
  tables: {
    person_visits: (t) => `CREATE TABLE ${t} (
      person_visit_id text PRIMARY KEY,
      channel text NOT NULL,
      name text NOT NULL,
      resident_id_number text NOT NULL,
      mobile text NOT NULL,
      host text NOT NULL,
      date date NOT NULL,
      purpose text NOT NULL,
      plate text,
      party_id text,
      status text NOT NULL,
      requested_by text NOT NULL,
      requested_at timestamptz NOT NULL,
      decided_by text,
      decided_at timestamptz,
      decline_reason text,
      entered_gate text,
      admitted_by text,
      entered_at timestamptz,
      exit_gate text,
      left_at timestamptz,
      refusals integer NOT NULL DEFAULT 0,
      last_refusal_reasons text[] NOT NULL DEFAULT '{}'
    )`,
    face_passes: (t) => `CREATE TABLE ${t} (
      pass_id text PRIMARY KEY,
      staff_id text NOT NULL,
      lane text NOT NULL,
      device_id text NOT NULL,
      direction text NOT NULL,
      admitted boolean NOT NULL,
      reasons text[] NOT NULL,
      passed_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL
    )`,
  },
  eventTypes: [
    'VisitorAppointmentRequested',
    'VisitorRegistered',
    'VisitorApproved',
    'VisitorDeclined',
    'PersonAdmitted',
    'PersonRefused',
    'PersonLeft',
    'StaffFacePassed',
  ],
  async apply(tx, events, tables) {
    for (const event of events) {
      switch (event.type) {
        case 'VisitorAppointmentRequested':
        case 'VisitorRegistered': {
          const d = event.data;
          const online = event.type === 'VisitorAppointmentRequested';
          await tx.query(
            `INSERT INTO ${tables.person_visits}
               (person_visit_id, channel, name, resident_id_number, mobile, host, date, purpose, plate, party_id, status, requested_by, requested_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'awaiting_approval', $11, $12)`,
            [
              d.personVisitId,
              online ? 'online' : 'walk_in',
              d.visitor.name,
              d.visitor.residentIdNumber,
              d.visitor.mobile,
              d.host,
              d.date,
              d.purpose,
              online ? event.data.plate : null,
              online ? event.data.partyId : null,
              d.actor.subject,
              d.at,
            ],
          );
          break;
        }
        case 'VisitorApproved':
          await tx.query(`UPDATE ${tables.person_visits} SET status = 'approved', decided_by = $2, decided_at = $3 WHERE person_visit_id = $1`, [
            event.data.personVisitId,
            event.data.actor.subject,
            event.data.at,
          ]);
          break;
        case 'VisitorDeclined':
          await tx.query(
            `UPDATE ${tables.person_visits} SET status = 'declined', decided_by = $2, decided_at = $3, decline_reason = $4 WHERE person_visit_id = $1`,
            [event.data.personVisitId, event.data.actor.subject, event.data.at, event.data.reason],
          );
          break;
        case 'PersonAdmitted':
          await tx.query(
            `UPDATE ${tables.person_visits} SET status = 'on_site', entered_gate = $2, admitted_by = $3, entered_at = $4 WHERE person_visit_id = $1`,
            [event.data.personVisitId, event.data.gate, event.data.actor.subject, event.data.at],
          );
          break;
        case 'PersonRefused':
          await tx.query(`UPDATE ${tables.person_visits} SET refusals = refusals + 1, last_refusal_reasons = $2 WHERE person_visit_id = $1`, [
            event.data.personVisitId,
            [...event.data.reasons],
          ]);
          break;
        case 'PersonLeft':
          await tx.query(`UPDATE ${tables.person_visits} SET status = 'left', exit_gate = $2, left_at = $3 WHERE person_visit_id = $1`, [
            event.data.personVisitId,
            event.data.gate,
            event.data.at,
          ]);
          break;
        case 'StaffFacePassed': {
          const d = event.data;
          await tx.query(
            `INSERT INTO ${tables.face_passes} (pass_id, staff_id, lane, device_id, direction, admitted, reasons, passed_at, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [d.passId, d.staffId, d.lane, d.deviceId, d.direction, d.admitted, [...d.reasons], d.passedAt, d.at],
          );
          break;
        }
      }
    }
  },
};
