import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Drainable } from '../bootstrap/drainable';

/**
 * A job run in the background every `intervalMs` (from the service's config; 0 turns the
 * schedule off, as the test apps do so that a test runs the job itself through `tick`). The
 * first run starts at bootstrap, so a restart catches up what was missed; the next is timed from
 * the end of the last, and a `tick` called during a run waits for it, so runs never overlap. A
 * failed run is logged and the schedule goes on: the next run retries what is still due. On
 * shutdown the schedule stops and the run in hand finishes (register the subclass under
 * DRAINABLE).
 *
 * A subclass is an @Injectable that passes its name and interval and implements `run`.
 */
export abstract class IntervalScheduler implements OnApplicationBootstrap, Drainable {
  protected readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  protected constructor(
    /** The logger context, e.g. `DayClose`. */
    name: string,
    private readonly intervalMs: number,
  ) {
    this.logger = new Logger(name);
  }

  /** One run of the job; it logs what it did through `this.logger`. A throw is logged, not raised. */
  protected abstract run(): Promise<void>;

  onApplicationBootstrap(): void {
    if (this.intervalMs > 0) this.schedule(0);
  }

  /** One run now, after the run in hand if any; the schedule calls it, and so can a test. */
  tick(): Promise<void> {
    const run = (this.running ?? Promise.resolve()).then(() => this.runLogged());
    this.running = run;
    void run.finally(() => {
      if (this.running === run) this.running = null;
    });
    return run;
  }

  async drain(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private async runLogged(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      this.logger.error(`run failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick().finally(() => this.schedule(this.intervalMs));
    }, delayMs);
    // The schedule alone must not keep the process alive.
    this.timer.unref();
  }
}
