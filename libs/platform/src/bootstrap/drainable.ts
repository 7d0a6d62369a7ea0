/**
 * Something that must finish its in-progress work before the process closes: Kafka consumers
 * (finish the batch, commit offsets), the outbox relay (finish the publish in hand). Register
 * under DRAINABLE in your own module (an array if a module has several).
 */
export interface Drainable {
  drain(): Promise<void>;
}

/** A string so a library can register under it without importing this one. */
export const DRAINABLE = 'DW_DRAINABLE';
