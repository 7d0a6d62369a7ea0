import type { Clock } from '@dw/kernel';

/** The instant a command happens, from the injected clock, as commands carry it (ISO-8601 UTC). */
export function nowOf(clock: Clock): string {
  return clock.now().toISOString();
}
