import { readFileSync } from 'node:fs';
import { systemClock, type Clock } from '@dw/kernel';

/**
 * The business clock of a rehearsal or test environment: the system time plus an offset in
 * whole milliseconds read from a file (CLOCK_SHIFT_FILE), so a multi-day flow (a pickup over two
 * days, a fee accruing overnight, a receipt expiring) can be walked through in minutes by every
 * service of the environment at once, each reading the same file. The file is read on every
 * reading of the clock: a shift takes effect for the very next call, with no polling delay to
 * wait out. The first offset may be negative: a rehearsal of a period the business calendar's
 * data covers that has already passed starts there. From then on the offset never goes backwards
 * within a run (time that runs back would reorder the log's instants), and a file that cannot be read or parsed stops the call rather than falling
 * back to the unshifted time, which would mix two timelines. Never configured in production.
 */
export class FileShiftedClock implements Clock {
  /** No reading yet: the first one may start anywhere, earlier or later than the system time. */
  private lastOffsetMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly path: string,
    private readonly base: Clock = systemClock,
  ) {
    this.offsetMs();
  }

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs());
  }

  private offsetMs(): number {
    const text = readFileSync(this.path, 'utf8').trim();
    const offset = text === '' ? 0 : Number(text);
    if (!/^-?\d+$/.test(text === '' ? '0' : text) || !Number.isSafeInteger(offset)) {
      throw new Error(`clock shift file ${this.path} must hold a whole number of milliseconds, not ${JSON.stringify(text.slice(0, 40))}`);
    }
    if (offset < this.lastOffsetMs) {
      throw new Error(`clock shift file ${this.path} went back from ${this.lastOffsetMs} ms to ${offset} ms; a business clock only moves forward`);
    }
    this.lastOffsetMs = offset;
    return offset;
  }
}

/** The service's clock: the system's, or shifted by CLOCK_SHIFT_FILE in a rehearsal or test environment. */
export function serviceClock(shiftFile: string | undefined): Clock {
  return shiftFile ? new FileShiftedClock(shiftFile) : systemClock;
}
