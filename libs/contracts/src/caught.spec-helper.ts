/** Runs a call expected to throw and returns what it threw, for assertions on the error's class and fields. */
export function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected the call to throw');
}
