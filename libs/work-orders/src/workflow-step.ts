/** The evidence a step must carry when it is recorded. */
export const STEP_CHECKS = ['scale_reading', 'inspection_report', 'none'] as const;
export type StepCheck = (typeof STEP_CHECKS)[number];

/**
 * One step of a workflow, as data.
 * - `required`: completion waits for it; an optional step may be skipped, never done out of order.
 * - `movesGoods`: the step changes where goods physically are (unloading, put-away, picking,
 *   loading, moving). Once such a step is recorded the order can no longer be cancelled.
 */
export interface WorkflowStep {
  readonly code: string;
  readonly name: string;
  readonly check: StepCheck;
  readonly required: boolean;
  readonly movesGoods: boolean;
}

/** Every workflow ends with the order desk confirming the result. */
export const CONFIRM_STEP = 'confirm';
