import { randomBytes } from 'node:crypto';

/** Ids come from here so tests can make them predictable. */
export interface IdGenerator {
  /** A UUID (version 7: time-ordered, so btree inserts stay local). */
  next(): string;
}

/** RFC 9562 UUIDv7: 48-bit Unix ms timestamp, version, 74 random bits. */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const uuidV7Generator: IdGenerator = { next: () => uuidv7() };

/** Deterministic ids for tests: 00000000-0000-7000-8000-000000000001, ... */
export class SequentialIdGenerator implements IdGenerator {
  private n = 0;
  next(): string {
    this.n += 1;
    return `00000000-0000-7000-8000-${this.n.toString(16).padStart(12, '0')}`;
  }
}
