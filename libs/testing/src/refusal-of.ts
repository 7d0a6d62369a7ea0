import { DomainError } from '@dw/kernel';

/** Runs a decision expected to be refused and returns the DomainError, for assertions on field and details. */
export function refusalOf(run: () => unknown): DomainError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(caught)}`);
  return caught;
}
