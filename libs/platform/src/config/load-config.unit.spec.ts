import { IsString, MinLength } from 'class-validator';
import { createDevKeySet } from '../auth/dev-tokens';
import { BaseServiceConfig } from './base-service.config';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

const jwks = JSON.stringify(createDevKeySet().jwks);
const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  KAFKA_BROKERS: '127.0.0.1:9092, kafka-2:9092',
  HTTP_PORT: '3001',
  SERVICE_NAME: 'receipt',
  AUTH_ISSUER: 'https://auth.example',
  AUTH_JWKS: jwks,
};

function problemsOf(env: Record<string, string | undefined>): Record<string, string> {
  try {
    loadConfig(BaseServiceConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return Object.fromEntries(error.problems.map((p) => [p.variable, p.reason]));
    throw error;
  }
  return {};
}

class ReceiptConfig extends BaseServiceConfig {
  @IsString()
  @MinLength(3)
  EXCHANGE_CALLBACK_URL!: string;
}

describe('loadConfig', () => {
  it('reads and converts the base variables, applying defaults', () => {
    const config = loadConfig(BaseServiceConfig, valid);
    expect(config).toBeInstanceOf(BaseServiceConfig);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', 'kafka-2:9092']);
    expect(config.HTTP_PORT).toBe(3001);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.AUTH_AUDIENCE).toBe('delivery-warehouse');
    expect(config.INTEGRATION_CLIENTS).toEqual([]);
    expect(config.AUTH_JWKS).toEqual(JSON.parse(jwks));
  });

  it('ignores variables the class does not declare', () => {
    expect(loadConfig(BaseServiceConfig, { ...valid, PATH: '/usr/bin', HOME: '/root' })).not.toHaveProperty('PATH');
  });

  it('lists every missing variable at once', () => {
    expect(problemsOf({})).toEqual({
      DATABASE_URL: 'is required but not set',
      KAFKA_BROKERS: 'is required but not set',
      HTTP_PORT: 'is required but not set',
      SERVICE_NAME: 'is required but not set',
      AUTH_ISSUER: 'is required but not set',
      AUTH_JWKS: 'is required but not set',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(problemsOf({ ...valid, SERVICE_NAME: '' })).toEqual({ SERVICE_NAME: 'is required but not set' });
    expect(loadConfig(BaseServiceConfig, { ...valid, LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });

  it('says why each bad variable is bad, without echoing secrets', () => {
    const problems = problemsOf({
      ...valid,
      DATABASE_URL: 'mysql://root:hunter2@db/x',
      KAFKA_BROKERS: 'kafka-1',
      HTTP_PORT: '80a',
      SERVICE_NAME: 'Receipt Service',
      LOG_LEVEL: 'loud',
      AUTH_JWKS: '{"keys": []}',
      INTEGRATION_CLIENTS: '[{"id": "shfe", "secret": "short", "role": "exchange"}]',
      CURSOR_SECRET: 'tiny',
    });
    expect(problems).toEqual({
      DATABASE_URL: 'must be a postgres:// or postgresql:// connection URL',
      KAFKA_BROKERS: 'must be a comma-separated list of host:port',
      HTTP_PORT: 'must be a port number (0 picks a free one)',
      SERVICE_NAME: 'must be a lower-case kebab-case name, e.g. receipt',
      LOG_LEVEL: expect.stringContaining('must be one of'),
      AUTH_JWKS: 'must be a JWKS: {"keys": [ ...at least one key ]}',
      INTEGRATION_CLIENTS: '[0] (shfe): secret must be at least 32 characters',
      CURSOR_SECRET: 'must be at least 32 characters',
    });
    expect(JSON.stringify(problems)).not.toContain('hunter2');
  });

  it('refuses ports out of range and JSON that does not parse', () => {
    const problems = problemsOf({ ...valid, HTTP_PORT: '65536', AUTH_JWKS: '{"keys": [' });
    expect(problems.HTTP_PORT).toBe('must not be greater than 65535');
    expect(problems.AUTH_JWKS).toBe('is not valid JSON');
  });

  it("validates a service's own variables together with the base ones", () => {
    try {
      loadConfig(ReceiptConfig, { ...valid, HTTP_PORT: undefined });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toBe(
        'invalid configuration:\n  EXCHANGE_CALLBACK_URL: is required but not set\n  HTTP_PORT: is required but not set',
      );
    }
    expect(loadConfig(ReceiptConfig, { ...valid, EXCHANGE_CALLBACK_URL: 'https://shfe/cb' })).toBeInstanceOf(ReceiptConfig);
  });
});
