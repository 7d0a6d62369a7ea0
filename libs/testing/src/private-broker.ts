import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './test-endpoints';

const run = promisify(execFile);

/**
 * A Kafka broker of a fault test's own (scripts/kafka.sh on other ports, its own data), which
 * the test may stop, freeze or kill by PID without disturbing the broker every other test uses.
 */
export class PrivateBroker {
  private constructor(
    readonly brokers: string[],
    private readonly env: NodeJS.ProcessEnv,
    private readonly home: string,
  ) {}

  /**
   * On two ports the operating system hands out free (listener and controller), so fault tests
   * running at once in parallel test lanes never meet on one port.
   */
  static async start(): Promise<PrivateBroker> {
    const port = await freePort();
    const controllerPort = await freePort();
    const home = mkdtempSync(join(repoRoot(), '.run', 'kafka-fault-'));
    const env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controllerPort), KAFKA_HOME: home };
    const broker = new PrivateBroker([`127.0.0.1:${port}`], env, home);
    await broker.script('start');
    return broker;
  }

  get pid(): number {
    return Number(readFileSync(join(this.home, 'broker.pid'), 'utf8').trim());
  }

  /** SIGSTOP: connections stay open and every request hangs, the worst case for a client. */
  freeze(): void {
    process.kill(this.pid, 'SIGSTOP');
  }

  thaw(): void {
    process.kill(this.pid, 'SIGCONT');
  }

  /** SIGKILL, then the same broker (same data) started again: a crash and a restart. */
  kill(): void {
    process.kill(this.pid, 'SIGKILL');
  }

  restart(): Promise<void> {
    return this.script('start');
  }

  async stop(): Promise<void> {
    try {
      process.kill(this.pid, 'SIGCONT');
    } catch {
      // not running
    }
    await this.script('stop').catch(() => undefined);
    rmSync(this.home, { recursive: true, force: true });
  }

  private async script(command: string): Promise<void> {
    await run('bash', [join(repoRoot(), 'scripts', 'kafka.sh'), command], { env: this.env, timeout: 120_000 });
  }
}

/** A port nothing listens on right now: the one the kernel picks for a listener on port 0. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port assigned'))));
    });
  });
}
