import type { LogPosition } from './read-all';

/**
 * A log position as clients see it: `<transaction id>-<global position>`, opaque to them. It
 * names the last event a command committed, so a client can ask a query to answer only once the
 * read models have applied it (read-your-writes; see libs/platform's read-your-writes).
 */
const TOKEN = /^(\d{1,20})-(\d{1,19})$/;

export function formatLogPosition(position: LogPosition): string {
  return `${position.transactionId}-${position.globalPosition}`;
}

/** The position a token names, or undefined when the token is not one this log hands out. */
export function parseLogPosition(token: string): LogPosition | undefined {
  const match = TOKEN.exec(token);
  if (!match) return undefined;
  const transactionId = BigInt(match[1]!);
  const globalPosition = Number(match[2]!);
  // xid8 is unsigned 64-bit; global_position a bigint sequence that never leaves the safe range.
  if (transactionId > 0xffff_ffff_ffff_ffffn || !Number.isSafeInteger(globalPosition)) return undefined;
  return { transactionId: transactionId.toString(), globalPosition };
}

/** Commit order: the transaction first, then the position within it (how whole-log readers read). */
export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  const byTransaction = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (byTransaction !== 0n) return byTransaction < 0n ? -1 : 1;
  return Math.sign(a.globalPosition - b.globalPosition);
}
