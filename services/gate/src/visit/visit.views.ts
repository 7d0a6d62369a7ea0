import { barrierVerdictOf, type VisitState } from './domain/visit.decider';
import type { BarrierResponseDto, ExitDecisionResponseDto, WeighTicketResponseDto } from './weighbridge.response.dto';

/** The weigh ticket as the API shows it. */
export const ticketView = (state: VisitState): WeighTicketResponseDto | null =>
  state.ticket === null
    ? null
    : {
        ticketNumber: state.ticket.ticketNumber,
        tareKg: state.ticket.tareKg,
        grossKg: state.ticket.grossKg,
        netKg: state.ticket.netKg,
        sha256: state.ticket.sha256,
      };

/** The standing exit decision: released on the pass, or held on the last check's conditions; null before any check. */
export function exitDecisionView(state: VisitState): ExitDecisionResponseDto | null {
  if (state.pass !== null) return { outcome: 'released', conditions: [], passNumber: state.pass.passNumber, alarmIds: [] };
  const last = state.holds.at(-1);
  return last === undefined ? null : { outcome: 'held', conditions: [...last.conditions], passNumber: null, alarmIds: [...last.alarmIds] };
}

/** What the exit barrier answers for the visit. */
export function barrierView(visitId: string, state: VisitState): BarrierResponseDto {
  if (state.left !== null) return { visitId, outcome: 'left', passNumber: state.left.passNumber };
  const verdict = barrierVerdictOf(state);
  return verdict.leaves
    ? { visitId, outcome: 'left', passNumber: verdict.passNumber }
    : { visitId, outcome: 'held', conditions: [...verdict.conditions], alarmIds: [...verdict.alarmIds] };
}
