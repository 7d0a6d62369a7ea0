import fc from 'fast-check';
import { WorkflowStep } from './workflow-step';
import { missingRequiredSteps, stepProgress } from './workflow-progress';

const step = (code: string, required = true): WorkflowStep => ({ code, name: code, check: 'none', required, movesGoods: false });

// a → b(optional) → c(optional) → d → confirm
const steps = [step('a'), step('b', false), step('c', false), step('d'), step('confirm')];

describe('stepProgress', () => {
  it('allows only the first step of a fresh order', () => {
    expect(stepProgress(steps, [])).toEqual({ allowed: ['a'], expected: 'a' });
  });

  it('allows optional steps up to and including the next required one', () => {
    expect(stepProgress(steps, ['a'])).toEqual({ allowed: ['b', 'c', 'd'], expected: 'd' });
  });

  it('never allows going back: after c only d is left before confirm', () => {
    expect(stepProgress(steps, ['a', 'c'])).toEqual({ allowed: ['d'], expected: 'd' });
  });

  it('allows nothing after confirm', () => {
    expect(stepProgress(steps, ['a', 'd', 'confirm'])).toEqual({ allowed: [], expected: null });
  });

  it('ends with optional steps and no expected one when the tail is optional', () => {
    const tail = [step('a'), step('b', false)];
    expect(stepProgress(tail, ['a'])).toEqual({ allowed: ['b'], expected: null });
  });
});

describe('missingRequiredSteps', () => {
  it('lists the required steps not recorded, ignoring skipped optional ones', () => {
    expect(missingRequiredSteps(steps, ['a', 'c'])).toEqual(['d', 'confirm']);
    expect(missingRequiredSteps(steps, ['a', 'd', 'confirm'])).toEqual([]);
  });
});

describe('workflow order, as a property', () => {
  const workflows = fc
    .uniqueArray(fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6'), { minLength: 0, maxLength: 6 })
    .chain((codes) =>
      fc.tuple(
        fc.constant(codes),
        fc.array(fc.boolean(), { minLength: codes.length, maxLength: codes.length }),
        fc.array(fc.constantFrom(...codes, 'confirm'), { maxLength: 20 }),
      ),
    )
    .map(([codes, required, attempts]) => ({
      steps: [...codes.map((code, i) => step(code, required[i])), step('confirm')],
      attempts,
    }));

  it('whatever is attempted, what gets recorded is in workflow order and skips only optional steps', () => {
    fc.assert(
      fc.property(workflows, ({ steps: defined, attempts }) => {
        const done: string[] = [];
        for (const attempt of attempts) {
          if (stepProgress(defined, done).allowed.includes(attempt)) done.push(attempt);
        }
        const indexes = done.map((code) => defined.findIndex((s) => s.code === code));
        // strictly increasing: no repeats, no going back
        indexes.forEach((index, i) => expect(i === 0 || index > indexes[i - 1]!).toBe(true));
        // every step passed over is optional
        const last = indexes.length ? indexes[indexes.length - 1]! : -1;
        defined.slice(0, last + 1).forEach((s) => {
          if (s.required) expect(done).toContain(s.code);
        });
      }),
    );
  });
});
