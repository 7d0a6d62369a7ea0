import fc from 'fast-check';

/**
 * The shape of this repository's model-based tests: a run is a random sequence of steps (each
 * a fast-check command that acts on the real services and on the model's prediction, refusals
 * included), and after every step that ran the invariants are checked on what the real
 * services hold. Shrinking finds the shortest sequence that breaks one.
 */
export interface ModelRun<Model extends object, Real> {
  /** A fresh model and real system for one run. */
  readonly setup: () => Promise<{ model: Model; real: Real }>;
  /** The kinds of step a run is drawn from (repeat one to draw it more often). */
  readonly steps: readonly fc.Arbitrary<fc.AsyncCommand<Model, Real>>[];
  /** Checked after every step that ran. */
  readonly invariants: (model: Model, real: Real) => Promise<void>;
  readonly maxSteps: number;
}

/** The property a model run states, for `fc.assert` (which the test gives its runs and seed). */
export function modelRunProperty<Model extends object, Real>(run: ModelRun<Model, Real>): fc.IAsyncProperty<[Iterable<fc.AsyncCommand<Model, Real>>]> {
  return fc.asyncProperty(fc.commands([...run.steps], { maxCommands: run.maxSteps, size: 'max' }), async (commands) => {
    // Each command as drawn (fast-check's wrapper records that it ran, for shrinking), followed by the invariants.
    const checked = [...commands].map((command): fc.AsyncCommand<Model, Real> => ({
      check: (model) => command.check(model),
      run: async (model, real) => {
        await command.run(model, real);
        await run.invariants(model, real);
      },
      toString: () => command.toString(),
    }));
    await fc.asyncModelRun(run.setup, checked);
  });
}

/** A step that needs no model of its own (the invariants are the whole prediction): `run` acts on the real system. */
export function realStep<Model extends object, Real>(name: string, run: (real: Real, model: Model) => Promise<void>): fc.AsyncCommand<Model, Real> {
  return { check: () => true, run: (model, real) => run(real, model), toString: () => name };
}
