/** The broker's answers that a record can never be written as it is: retrying the same bytes cannot help. */
const RECORD_REFUSALS = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'INVALID_TOPIC_EXCEPTION',
  'TOPIC_AUTHORIZATION_FAILED',
  'CORRUPT_MESSAGE',
]);

export function isRefusedForGood(error: unknown): boolean {
  return RECORD_REFUSALS.has(kafkaErrorType(error));
}

/** kafkajs's protocol error type, also when wrapped by its retrier (`cause`); else the error's name. */
export function kafkaErrorType(error: unknown): string {
  const seen = error as { type?: unknown; cause?: { type?: unknown }; originalError?: { type?: unknown } } | null;
  const type = seen?.type ?? seen?.cause?.type ?? seen?.originalError?.type;
  return typeof type === 'string' ? type : ((seen as Error | null)?.name ?? 'Error');
}
