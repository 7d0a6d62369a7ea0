/**
 * The shape of every aggregate's pure core (decide/evolve), after Jérémie Chassaing's
 * "functional event sourcing" decider. Domain folders implement it with no I/O; the
 * event store loads state by folding `evolve` over a stream and appends what `decide` returns.
 */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

export interface Command<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

export interface Decider<TCommand extends Command, TState, TEvent extends DomainEvent> {
  /** State of a stream with no events. */
  initialState(): TState;
  /** Applies one past fact; must be total and never throw for events it once emitted. */
  evolve(state: TState, event: TEvent): TState;
  /** Decides what happens; throws DomainError when the command is refused. */
  decide(command: TCommand, state: TState): TEvent[];
}

/** Folds events into state; what a repository does after reading a stream. */
export function foldEvents<TState, TEvent extends DomainEvent>(
  decider: Pick<Decider<Command, TState, TEvent>, 'initialState' | 'evolve'>,
  events: readonly TEvent[],
  from: TState = decider.initialState(),
): TState {
  return events.reduce((state, event) => decider.evolve(state, event), from);
}

/**
 * The `default` of a decider's `switch (command.type)`: TypeScript refuses to compile it while
 * any command type is left without its case, and a command of an unknown type at run time (a
 * stored one from a newer version, say) fails loudly instead of deciding nothing.
 */
export function unhandledCommand(command: never): never {
  throw new Error(`no decision for command ${JSON.stringify((command as Command).type)}`);
}
