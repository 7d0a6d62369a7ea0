import { Command, Decider, DomainError, DomainEvent, foldEvents } from '@dw/kernel';

/**
 * Given / when / then for deciders, used by `*.decider.unit.spec.ts` files:
 *
 *   spec(receiptDecider).given([issued]).when(transfer).then([transferred]);
 *   spec(receiptDecider).given([issued, pledged]).when(transfer).thenRefusedWith('RECEIPT_HELD');
 */
export function deciderSpec<C extends Command, S, E extends DomainEvent>(decider: Decider<C, S, E>) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, foldEvents(decider, events));
          return {
            then(expected: readonly E[]) {
              expect(run()).toEqual(expected);
            },
            thenRefusedWith(code: string, details?: Record<string, unknown>) {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainError);
              expect((caught as DomainError).code).toBe(code);
              if (details) expect((caught as DomainError).details).toMatchObject(details);
            },
          };
        },
      };
    },
  };
}
