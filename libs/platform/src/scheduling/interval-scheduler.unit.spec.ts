import { IntervalScheduler } from './interval-scheduler';

/** A job whose runs the test ends by hand, counting how many run at once. */
class GatedJob extends IntervalScheduler {
  started = 0;
  inFlight = 0;
  mostAtOnce = 0;
  failNext = false;
  private gates: Array<() => void> = [];

  constructor(intervalMs: number) {
    super('GatedJob', intervalMs);
    jest.spyOn(this.logger, 'error').mockImplementation(() => undefined);
  }

  get errors(): unknown[] {
    return (this.logger.error as jest.Mock).mock.calls.map(([message]) => message);
  }

  /** Ends the oldest run in hand. */
  finishOne(): void {
    this.gates.shift()?.();
  }

  protected async run(): Promise<void> {
    this.started += 1;
    this.inFlight += 1;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.inFlight);
    await new Promise<void>((resolve) => this.gates.push(resolve));
    this.inFlight -= 1;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('database unavailable');
    }
  }
}

describe('IntervalScheduler', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('schedules nothing when the interval is 0, and still runs on tick', async () => {
    const job = new GatedJob(0);
    job.onApplicationBootstrap();
    expect(jest.getTimerCount()).toBe(0);

    const ticked = job.tick();
    await jest.advanceTimersByTimeAsync(0);
    job.finishOne();
    await ticked;
    expect(job.started).toBe(1);
  });

  it('runs at bootstrap, then one interval after the end of each run', async () => {
    const job = new GatedJob(1_000);
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(job.started).toBe(1);

    // The first run takes 5 s: no second run starts meanwhile, although five intervals pass.
    await jest.advanceTimersByTimeAsync(5_000);
    expect(job.started).toBe(1);
    job.finishOne();

    // The next run is due 1 000 ms after the first ended: not at 999 ms, at 1 000 ms.
    await jest.advanceTimersByTimeAsync(999);
    expect(job.started).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(job.started).toBe(2);
    job.finishOne();
    await job.drain();
  });

  it('makes a tick during a scheduled run wait for that run, so runs never overlap', async () => {
    const job = new GatedJob(1_000);
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(job.started).toBe(1);

    const ticked = job.tick();
    await jest.advanceTimersByTimeAsync(0);
    expect(job.started).toBe(1);
    job.finishOne();
    await jest.advanceTimersByTimeAsync(0);
    expect(job.started).toBe(2);
    job.finishOne();
    await ticked;
    expect(job.mostAtOnce).toBe(1);
    await job.drain();
  });

  it('logs a failed run instead of throwing, and runs again at the next interval', async () => {
    const job = new GatedJob(1_000);
    job.failNext = true;
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    job.finishOne();
    await jest.advanceTimersByTimeAsync(0);
    expect(job.errors).toEqual(['run failed: database unavailable']);

    await jest.advanceTimersByTimeAsync(1_000);
    expect(job.started).toBe(2);
    job.finishOne();
    await job.drain();
  });

  it('on drain, lets the run in hand finish and starts no other', async () => {
    const job = new GatedJob(1_000);
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);

    let drained = false;
    const draining = job.drain().then(() => (drained = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(drained).toBe(false);
    job.finishOne();
    await draining;
    expect(drained).toBe(true);

    await jest.advanceTimersByTimeAsync(10_000);
    expect(job.started).toBe(1);
    expect(jest.getTimerCount()).toBe(0);
  });
});
