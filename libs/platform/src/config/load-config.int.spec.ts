import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevKeySet } from '../auth/dev-tokens';
import { BaseServiceConfig } from './base-service.config';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

// JSON-or-file variables read real files (mounted secrets).
const dir = mkdtempSync(join(tmpdir(), 'dw-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keySet = createDevKeySet();
const base = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  KAFKA_BROKERS: '127.0.0.1:9092',
  HTTP_PORT: '0',
  SERVICE_NAME: 'gate',
  AUTH_ISSUER: 'https://auth.example',
};

function problemOf(env: Record<string, string>, variable: string): string | undefined {
  try {
    loadConfig(BaseServiceConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.find((p) => p.variable === variable)?.reason;
    throw error;
  }
  return undefined;
}

describe('JSON-or-file variables', () => {
  it('read JWKS and integration clients from files', () => {
    const jwksPath = join(dir, 'jwks.json');
    const clientsPath = join(dir, 'clients.json');
    writeFileSync(jwksPath, JSON.stringify(keySet.jwks));
    writeFileSync(clientsPath, JSON.stringify([{ id: 'scale-1', secret: 's'.repeat(32), role: 'device' }]));
    const config = loadConfig(BaseServiceConfig, { ...base, AUTH_JWKS: jwksPath, INTEGRATION_CLIENTS: clientsPath });
    expect(config.AUTH_JWKS).toEqual(keySet.jwks);
    expect(config.INTEGRATION_CLIENTS).toEqual([{ id: 'scale-1', secret: 's'.repeat(32), role: 'device' }]);
  });

  it("report a missing file by its path and the OS's reason", () => {
    const missing = join(dir, 'absent.json');
    expect(problemOf({ ...base, AUTH_JWKS: missing }, 'AUTH_JWKS')).toBe(`is neither JSON nor a readable file (ENOENT: ${missing})`);
  });

  it('report a file that is not JSON', () => {
    const garbled = join(dir, 'garbled.json');
    writeFileSync(garbled, 'keys: []');
    expect(problemOf({ ...base, AUTH_JWKS: garbled }, 'AUTH_JWKS')).toBe(`file ${garbled} is not valid JSON`);
  });
});
