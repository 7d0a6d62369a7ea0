import { create } from '@bufbuild/protobuf';
import {
  FaceLaneDirection,
  gatePersonTopic,
  LocalDateSchema,
  PersonAdmittedSchema,
  PersonLeftSchema,
  PersonRefusedSchema,
  StaffFaceLanePassedSchema,
  toActor,
  toTimestamp,
  VisitorAppointmentRequestedSchema,
  VisitorApprovedSchema,
  VisitorDeclinedSchema,
  VisitorRegisteredSchema,
  VisitorSchema,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { publicEvent, type PublicEvent } from '../../common/integration/gate-outbox';
import type { FaceLaneDirection as DomainDirection, FacePassEvent } from '../domain/face-pass.decider';
import type { PersonVisitEvent, Visitor } from '../domain/person-visit.decider';
import type { StaffEvent } from '../domain/staff.decider';

const DIRECTIONS: Record<DomainDirection, FaceLaneDirection> = { in: FaceLaneDirection.IN, out: FaceLaneDirection.OUT };
const visitorOf = (visitor: Visitor) => create(VisitorSchema, visitor);
const dateOf = (value: string) => create(LocalDateSchema, { value });

/**
 * A visit's steps and a face lane's passes as their gate.person.v1 contracts, keyed by the person
 * visit id or the pass id. Staff registrations stay inside the gate (nobody else needs them).
 */
export function personMessageOf(pending: PendingEvent): PublicEvent | null {
  const event = pending as unknown as PersonVisitEvent | FacePassEvent | StaffEvent;
  switch (event.type) {
    case 'VisitorAppointmentRequested': {
      const d = event.data;
      return publicEvent(
        gatePersonTopic,
        VisitorAppointmentRequestedSchema,
        create(VisitorAppointmentRequestedSchema, {
          personVisitId: d.personVisitId,
          visitor: visitorOf(d.visitor),
          host: d.host,
          date: dateOf(d.date),
          purpose: d.purpose,
          plate: d.plate ?? '',
          partyId: d.partyId ?? '',
          requestedBy: toActor(d.actor),
          requestedAt: toTimestamp(d.at),
        }),
        d.personVisitId,
      );
    }
    case 'VisitorRegistered': {
      const d = event.data;
      return publicEvent(
        gatePersonTopic,
        VisitorRegisteredSchema,
        create(VisitorRegisteredSchema, {
          personVisitId: d.personVisitId,
          visitor: visitorOf(d.visitor),
          host: d.host,
          date: dateOf(d.date),
          purpose: d.purpose,
          registeredBy: toActor(d.actor),
          registeredAt: toTimestamp(d.at),
        }),
        d.personVisitId,
      );
    }
    case 'VisitorApproved': {
      const d = event.data;
      return publicEvent(
        gatePersonTopic,
        VisitorApprovedSchema,
        create(VisitorApprovedSchema, { personVisitId: d.personVisitId, host: d.host, approvedBy: toActor(d.actor), approvedAt: toTimestamp(d.at) }),
        d.personVisitId,
      );
    }
    case 'VisitorDeclined': {
      const d = event.data;
      return publicEvent(
        gatePersonTopic,
        VisitorDeclinedSchema,
        create(VisitorDeclinedSchema, {
          personVisitId: d.personVisitId,
          host: d.host,
          reason: d.reason,
          declinedBy: toActor(d.actor),
          declinedAt: toTimestamp(d.at),
        }),
        d.personVisitId,
      );
    }
    case 'PersonAdmitted': {
      const d = event.data;
      return publicEvent(
        gatePersonTopic,
        PersonAdmittedSchema,
        create(PersonAdmittedSchema, {
          personVisitId: d.personVisitId,
          gate: d.gate,
          residentIdNumber: d.residentIdNumber,
          name: d.name,
          admittedBy: toActor(d.actor),
          admittedAt: toTimestamp(d.at),
        }),
        d.personVisitId,
      );
    }
    case 'PersonRefused': {
      const d = event.data;
      return publicEvent(
        gatePersonTopic,
        PersonRefusedSchema,
        create(PersonRefusedSchema, {
          personVisitId: d.personVisitId,
          entryId: d.entryId,
          gate: d.gate,
          residentIdNumber: d.residentIdNumber,
          reasons: [...d.reasons],
          refusedBy: toActor(d.actor),
          refusedAt: toTimestamp(d.at),
        }),
        d.personVisitId,
      );
    }
    case 'PersonLeft': {
      const d = event.data;
      return publicEvent(
        gatePersonTopic,
        PersonLeftSchema,
        create(PersonLeftSchema, { personVisitId: d.personVisitId, gate: d.gate, recordedBy: toActor(d.actor), leftAt: toTimestamp(d.at) }),
        d.personVisitId,
      );
    }
    case 'StaffFacePassed': {
      const d = event.data;
      return publicEvent(
        gatePersonTopic,
        StaffFaceLanePassedSchema,
        create(StaffFaceLanePassedSchema, {
          passId: d.passId,
          staffId: d.staffId,
          lane: d.lane,
          deviceId: d.deviceId,
          direction: DIRECTIONS[d.direction],
          admitted: d.admitted,
          reasons: [...d.reasons],
          passedAt: toTimestamp(d.passedAt),
          recordedAt: toTimestamp(d.at),
        }),
        d.passId,
      );
    }
    default:
      return null;
  }
}
