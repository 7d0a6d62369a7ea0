import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { systemClock } from '@dw/kernel';
import { BaseServiceConfig } from '../config/base-service.config';
import { loadConfig } from '../config/load-config';
import { DEV_ISSUER } from './dev-tokens';
import { parseJwks } from './jwks';
import { JwtVerifier } from './jwt-verifier';

const run = promisify(execFile);
const SCRIPT = resolve(__dirname, '..', '..', '..', '..', 'scripts', 'mint-token.ts');
const dir = mkdtempSync(join(tmpdir(), 'dw-dev-auth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mint = (args: string[]) => run(process.execPath, ['--require', '@swc-node/register', SCRIPT, ...args], { env: { ...process.env, DW_DEV_AUTH_DIR: dir } });

function verifierFromJwksFile(): JwtVerifier {
  // The JWKS file the script wrote, read the way a service reads AUTH_JWKS.
  const config = loadConfig(BaseServiceConfig, {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    KAFKA_BROKERS: '127.0.0.1:9092',
    HTTP_PORT: '0',
    SERVICE_NAME: 'any',
    AUTH_ISSUER: DEV_ISSUER,
    AUTH_JWKS: join(dir, 'jwks.json'),
  });
  return new JwtVerifier({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, keys: parseJwks(config.AUTH_JWKS), clock: systemClock });
}

describe('scripts/mint-token.ts', () => {
  it('creates a private key readable only by its owner, writes the JWKS, and prints a token services accept', async () => {
    const { stdout } = await mint(['--sub', 'u1', '--roles', 'depositor', '--party', 'P1']);
    expect(statSync(join(dir, 'signing-key.pem')).mode & 0o777).toBe(0o600);
    expect(verifierFromJwksFile().verify(stdout.trim())).toEqual({ subject: 'u1', roles: ['depositor'], partyId: 'P1' });
  });

  it('reuses the stored key, so earlier tokens keep verifying', async () => {
    const jwksBefore = readFileSync(join(dir, 'jwks.json'), 'utf8');
    const { stdout } = await mint(['--sub', 'clerk-7', '--roles', 'clerk,operator', '--name', 'Li Lei']);
    expect(readFileSync(join(dir, 'jwks.json'), 'utf8')).toBe(jwksBefore);
    expect(verifierFromJwksFile().verify(stdout.trim())).toEqual({ subject: 'clerk-7', roles: ['clerk', 'operator'], name: 'Li Lei' });
  });

  it('refuses bad arguments with exit code 2 and says why', async () => {
    const cases: Array<[string[], string]> = [
      [['--roles', 'clerk'], '--sub is required'],
      [['--sub', 'u1'], '--roles is required'],
      [['--sub', 'u1', '--roles', 'clerk,boss'], 'unknown role(s): boss'],
      [['--sub', 'u1', '--roles', 'clerk', '--ttl', '0'], '--ttl must be a positive number of seconds'],
      [['--sub', 'u1', '--roles', 'clerk', '--colour', 'red'], "Unknown option '--colour'"],
    ];
    // One process per case, run side by side: each loads the library, which takes seconds.
    const failures = await Promise.all(
      cases.map(([args]) =>
        mint(args).then(
          () => ({ code: 0, stderr: '' }),
          (error: { code: number; stderr: string }) => error,
        ),
      ),
    );
    failures.forEach((failure, index) => {
      expect(failure.code).toBe(2);
      expect(failure.stderr).toContain(cases[index]![1]);
    });
  });
});
