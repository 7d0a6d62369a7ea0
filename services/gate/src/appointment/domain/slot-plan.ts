import { refuse } from '@dw/kernel';

/** One period of a gate's day in which appointments arrive, with how many vehicles it takes. */
export interface SlotPeriod {
  /** 'HH:MM-HH:MM', Asia/Shanghai. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly capacity: number;
}

export type SlotPlan = Readonly<Record<string, readonly SlotPeriod[]>>;

const period = (from: string, to: string, capacity: number): SlotPeriod => ({ id: `${from}-${to}`, from, to, capacity });

/**
 * The warehouse's gates and their appointment periods, held as data: the south gate is the
 * trucks' gate (weighbridge lane), the north gate takes fewer; capacity is vehicles per period.
 */
export const SLOT_PLAN: SlotPlan = {
  south: [period('08:00', '10:00', 6), period('10:00', '12:00', 6), period('13:00', '15:00', 6), period('15:00', '17:00', 4)],
  north: [period('08:00', '12:00', 3), period('13:00', '17:00', 3)],
};

/** The period of a gate an appointment names; `SLOT_UNKNOWN` for a gate or period the plan does not have. */
export function slotPeriodOf(plan: SlotPlan, gate: string, periodId: string): SlotPeriod {
  const periods = plan[gate];
  if (periods === undefined) throw refuse.invalid('SLOT_UNKNOWN', `there is no gate ${gate}`, 'gate', { gates: Object.keys(plan) });
  const found = periods.find((candidate) => candidate.id === periodId);
  if (found === undefined) throw refuse.invalid('SLOT_UNKNOWN', `gate ${gate} has no period ${periodId}`, 'period', { periods: periods.map((p) => p.id) });
  return found;
}

/** A gate of the plan; `GATE_UNKNOWN` for any other (a camera or a guard at a gate the warehouse does not have). */
export function requireGate(plan: SlotPlan, gate: string): string {
  if (plan[gate] === undefined) throw refuse.invalid('GATE_UNKNOWN', `there is no gate ${gate}`, 'gate', { gates: Object.keys(plan) });
  return gate;
}
