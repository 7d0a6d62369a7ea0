import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { repoRoot } from './test-endpoints';

export interface ServiceProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  output: () => string;
  /** SIGTERM, then wait for exit. Nest re-raises the signal after its shutdown hooks, so a clean stop ends by SIGTERM. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts a TypeScript entry point as a real OS process (the way a service runs) and waits for
 * its "listening on port N" line. Output is kept for assertions and failure messages.
 */
export async function startServiceProcess(entry: string, args: readonly string[], env: Record<string, string>, timeoutMs = 60_000): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(repoRoot(), entry), ...args], {
    cwd: repoRoot(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = () => {
      const match = /listening on port (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    child,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () =>
      new Promise((resolveExit) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveExit({ code: child.exitCode, signal: child.signalCode });
        child.once('exit', (code, signal) => resolveExit({ code, signal }));
        child.kill('SIGTERM');
      }),
  };
}

/** Runs an entry point to completion (e.g. `provision`); rejects with its output on a non-zero exit. */
export function runEntryPoint(entry: string, args: readonly string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(repoRoot(), entry), ...args], {
      cwd: repoRoot(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolveRun(output) : reject(new Error(`${entry} ${args.join(' ')} exited ${code}:\n${output}`))));
  });
}
