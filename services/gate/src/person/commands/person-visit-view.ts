import type { PersonVisitState } from '../domain/person-visit.decider';
import type { PersonVisitResponseDto } from '../person.response.dto';

/** A visit's answer from its stream's state (after a request, a registration or the host's decision). */
export function personVisitView(state: PersonVisitState): PersonVisitResponseDto {
  const request = state.request!;
  const d = request.data;
  return {
    personVisitId: d.personVisitId,
    channel: request.type === 'VisitorAppointmentRequested' ? 'online' : 'walk_in',
    visitor: { ...d.visitor },
    host: d.host,
    date: d.date,
    purpose: d.purpose,
    plate: request.type === 'VisitorAppointmentRequested' ? request.data.plate : null,
    status: state.status!,
    decidedBy: state.decision?.data.actor.subject ?? null,
    declineReason: state.decision?.type === 'VisitorDeclined' ? state.decision.data.reason : null,
  };
}
