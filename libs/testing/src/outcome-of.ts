import { DomainError } from '@dw/kernel';

/** What a command came to: its result, or the code the domain refused it with. */
export type Outcome<T = unknown> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: string };

/**
 * Runs a command through its real handler and says whether it was taken or refused, for
 * model-based tests that predict which. Only a domain refusal is an outcome; anything else (a
 * version conflict, a bug) fails the test.
 */
export async function outcomeOf<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, code: error.code };
    throw error;
  }
}
