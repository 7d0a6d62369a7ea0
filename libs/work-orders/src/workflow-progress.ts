import { WorkflowStep } from './workflow-step';

/**
 * Where an order stands in its workflow, given the codes of the steps recorded so far (in the
 * order they were recorded, which the work order keeps in workflow order).
 * - `allowed`: the steps that may be recorded next: every optional step up to and including the
 *   next required one (skipping optional steps is allowed, going back never is).
 * - `expected`: the next required step (what an operator is told to do), or null when none is left.
 */
export interface StepProgress {
  readonly allowed: readonly string[];
  readonly expected: string | null;
}

export function stepProgress(steps: readonly WorkflowStep[], done: readonly string[]): StepProgress {
  // rule ORD-STEP-ORDER
  const position = positionAfter(steps, done);
  const allowed: string[] = [];
  for (const step of steps.slice(position)) {
    allowed.push(step.code);
    if (step.required) return { allowed, expected: step.code };
  }
  return { allowed, expected: null };
}

/** Required steps not yet recorded, in workflow order; completion needs this to be empty. */
export function missingRequiredSteps(steps: readonly WorkflowStep[], done: readonly string[]): string[] {
  // rule ORD-COMPLETE-REQUIRED-STEPS
  const recorded = new Set(done);
  return steps.filter((step) => step.required && !recorded.has(step.code)).map((step) => step.code);
}

/** Index of the first step after the furthest one recorded (0 when nothing is recorded). */
function positionAfter(steps: readonly WorkflowStep[], done: readonly string[]): number {
  const recorded = new Set(done);
  let position = 0;
  steps.forEach((step, index) => {
    if (recorded.has(step.code)) position = index + 1;
  });
  return position;
}
