import { DomainError } from '@dw/kernel';
import { WorkflowStep } from '@dw/work-orders';
import { validateWorkflowSteps } from './workflow-definition';

const step = (code: string, overrides: Partial<WorkflowStep> = {}): WorkflowStep => ({
  code,
  name: `${code} name`,
  check: 'none',
  required: true,
  movesGoods: false,
  ...overrides,
});

function refusal(steps: readonly WorkflowStep[]): DomainError {
  try {
    validateWorkflowSteps(steps);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('validateWorkflowSteps', () => {
  it('accepts a definition ending in a required confirm and trims the names', () => {
    const steps = validateWorkflowSteps([step('arrival', { name: '  Goods arrived ' }), step('confirm')]);
    expect(steps.map((s) => [s.code, s.name])).toEqual([
      ['arrival', 'Goods arrived'],
      ['confirm', 'confirm name'],
    ]);
  });

  it('refuses an empty workflow', () => {
    expect(refusal([])).toMatchObject({ code: 'WORKFLOW_EMPTY', field: 'steps', kind: 'invalid' });
  });

  it('refuses a duplicate step, naming the second occurrence', () => {
    expect(refusal([step('weigh'), step('weigh'), step('confirm')])).toMatchObject({
      code: 'WORKFLOW_DUPLICATE_STEP',
      field: 'steps[1].code',
      details: { step: 'weigh' },
    });
  });

  it('refuses a workflow whose last step is not confirm', () => {
    expect(refusal([step('confirm'), step('weigh')])).toMatchObject({
      code: 'WORKFLOW_LAST_STEP_NOT_CONFIRM',
      field: 'steps[1]',
      details: { last: 'weigh' },
    });
  });

  it('refuses an optional confirm: completion must always wait for the desk', () => {
    expect(refusal([step('weigh'), step('confirm', { required: false })]).code).toBe('WORKFLOW_LAST_STEP_NOT_CONFIRM');
  });

  it.each([['Weigh'], ['put away'], [''], ['9lives'], ['a'.repeat(41)]])('refuses the step code %j', (code) => {
    expect(refusal([step(code), step('confirm')])).toMatchObject({ code: 'WORKFLOW_STEP_CODE_INVALID', field: 'steps[0].code' });
  });

  it('refuses an unknown check', () => {
    expect(refusal([step('weigh', { check: 'eyeball' as never }), step('confirm')])).toMatchObject({
      code: 'VALUE_NOT_ALLOWED',
      field: 'steps[0].check',
    });
  });

  it('refuses a blank name', () => {
    expect(refusal([step('weigh', { name: '  ' }), step('confirm')])).toMatchObject({ code: 'FIELD_REQUIRED', field: 'steps[0].name' });
  });

  it('refuses flags that are not booleans', () => {
    expect(refusal([step('weigh', { required: 'yes' as never }), step('confirm')])).toMatchObject({
      code: 'WORKFLOW_STEP_FLAG_INVALID',
      field: 'steps[0]',
    });
  });
});
