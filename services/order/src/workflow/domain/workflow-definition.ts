import { refuse, requireOneOf, requireText } from '@dw/kernel';
import { CONFIRM_STEP, STEP_CHECKS, WorkflowStep } from '@dw/work-orders';

const STEP_CODE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Validates a workflow definition and returns it normalised (names trimmed), or throws the first
 * rule it breaks with the offending field, e.g. `steps[2].code`.
 */
export function validateWorkflowSteps(steps: readonly WorkflowStep[]): WorkflowStep[] {
  // rule ORD-WORKFLOW-ENDS-CONFIRM
  if (!Array.isArray(steps) || steps.length === 0) {
    throw refuse.invalid('WORKFLOW_EMPTY', 'a workflow needs at least one step', 'steps');
  }
  const seen = new Set<string>();
  const normalised = steps.map((step, index) => {
    const field = `steps[${index}]`;
    if (typeof step.code !== 'string' || !STEP_CODE_PATTERN.test(step.code)) {
      throw refuse.invalid(
        'WORKFLOW_STEP_CODE_INVALID',
        `${field}.code must be lower_snake_case of at most 40 characters, got ${JSON.stringify(step.code)}`,
        `${field}.code`,
        { code: step.code },
      );
    }
    if (seen.has(step.code)) {
      throw refuse.invalid('WORKFLOW_DUPLICATE_STEP', `step ${step.code} appears more than once`, `${field}.code`, {
        step: step.code,
      });
    }
    seen.add(step.code);
    if (typeof step.required !== 'boolean' || typeof step.movesGoods !== 'boolean') {
      throw refuse.invalid('WORKFLOW_STEP_FLAG_INVALID', `${field}.required and .movesGoods must be true or false`, field);
    }
    return {
      code: step.code,
      name: requireText(step.name, `${field}.name`),
      check: requireOneOf(step.check, STEP_CHECKS, `${field}.check`),
      required: step.required,
      movesGoods: step.movesGoods,
    };
  });
  const last = normalised[normalised.length - 1]!;
  if (last.code !== CONFIRM_STEP || !last.required) {
    throw refuse.invalid(
      'WORKFLOW_LAST_STEP_NOT_CONFIRM',
      `the last step must be a required '${CONFIRM_STEP}', got ${last.code}${last.required ? '' : ' (optional)'}`,
      `steps[${normalised.length - 1}]`,
      { last: last.code },
    );
  }
  return normalised;
}
