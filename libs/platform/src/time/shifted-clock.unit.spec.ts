import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@dw/kernel';
import { FileShiftedClock } from './shifted-clock';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('FileShiftedClock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clock-shift-'));
  const file = join(dir, 'shift');
  const base = new ManualClock(new Date('2026-12-07T02:00:00Z'));

  it('runs on the base clock shifted by the file’s milliseconds, and takes a new shift on the very next reading', () => {
    writeFileSync(file, '0');
    const clock = new FileShiftedClock(file, base);
    expect(clock.now().toISOString()).toBe('2026-12-07T02:00:00.000Z');

    // One day on: 10:00 in Shanghai on the 7th becomes 10:00 on the 8th.
    writeFileSync(file, `${DAY_MS}\n`);
    expect(clock.now().toISOString()).toBe('2026-12-08T02:00:00.000Z');
  });

  it('treats an empty file as no shift', () => {
    writeFileSync(file, '');
    expect(new FileShiftedClock(file, base).now().toISOString()).toBe('2026-12-07T02:00:00.000Z');
  });

  it('refuses a file that is not a whole number of milliseconds, at start and later', () => {
    writeFileSync(file, '1.5e3');
    expect(() => new FileShiftedClock(file, base)).toThrow(/whole number of milliseconds/);

    writeFileSync(file, '1000');
    const clock = new FileShiftedClock(file, base);
    writeFileSync(file, 'tomorrow');
    expect(() => clock.now()).toThrow(/whole number of milliseconds/);
  });

  it('refuses a shift that would move the business clock back', () => {
    writeFileSync(file, `${DAY_MS}`);
    const clock = new FileShiftedClock(file, base);
    writeFileSync(file, '0');
    expect(() => clock.now()).toThrow(/only moves forward/);
  });

  it('starts a rehearsal of a past period at a negative shift, and from there still only moves forward', () => {
    // Three days back: 10:00 in Shanghai on the 7th becomes 10:00 on the 4th, then the 5th.
    writeFileSync(file, `${-3 * DAY_MS}`);
    const clock = new FileShiftedClock(file, base);
    expect(clock.now().toISOString()).toBe('2026-12-04T02:00:00.000Z');
    writeFileSync(file, `${-2 * DAY_MS}`);
    expect(clock.now().toISOString()).toBe('2026-12-05T02:00:00.000Z');
    writeFileSync(file, `${-3 * DAY_MS}`);
    expect(() => clock.now()).toThrow(/only moves forward/);
  });

  it('refuses a missing file at start', () => {
    expect(() => new FileShiftedClock(join(dir, 'absent'), base)).toThrow(/ENOENT/);
  });
});
