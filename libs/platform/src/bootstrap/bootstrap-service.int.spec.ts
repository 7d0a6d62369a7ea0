import { Controller, Get, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { waitFor } from '@dw/testing';
import { Public } from '../auth/auth.decorators';
import { call, keySet, testDatabase, startEdgeApp, ADMIN_URL, type TestServiceDatabase } from '../test-support/edge-test-kit';
import { DEV_ISSUER } from '../auth/dev-tokens';
import { DRAINABLE, type Drainable } from './drainable';
import { EX_CONFIG } from './bootstrap-service';

const FIXTURE = join(__dirname, 'fixtures', 'service.child-process.ts');

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the fixture service; `whenListening` gets the port once the service logged it. */
function runFixture(env: Record<string, string>, whenListening?: (port: number, child: ReturnType<typeof spawn>) => Promise<void>): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', '@swc-node/register', FIXTURE], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    let listening = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const port = /listening on port (\d+)/.exec(stdout)?.[1];
      if (port !== undefined && !listening && whenListening) {
        listening = true;
        whenListening(Number(port), child).catch(reject);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const serviceEnv = {
  DATABASE_URL: ADMIN_URL,
  KAFKA_BROKERS: '127.0.0.1:9092',
  HTTP_PORT: '0',
  SERVICE_NAME: 'fixture',
  LOG_LEVEL: 'info',
  AUTH_ISSUER: DEV_ISSUER,
  AUTH_JWKS: JSON.stringify(keySet.jwks),
};

describe('bootstrapService as a process', () => {
  it(`exits with ${EX_CONFIG} (EX_CONFIG) listing every bad variable when the config is invalid`, async () => {
    const run = await runFixture({ ...serviceEnv, HTTP_PORT: 'eighty', SERVICE_NAME: '', AUTH_JWKS: '{"keys": [' });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('invalid configuration:');
    expect(run.stderr).toContain('HTTP_PORT: must be a port number (0 picks a free one)');
    expect(run.stderr).toContain('SERVICE_NAME: is required but not set');
    expect(run.stderr).toContain('AUTH_JWKS: is not valid JSON');
  });

  it('on SIGTERM stops HTTP, drains, then closes the rest, and exits by the signal', async () => {
    let liveBeforeTerm = 0;
    const run = await runFixture(serviceEnv, async (port, child) => {
      liveBeforeTerm = (await call(`http://127.0.0.1:${port}/health/live`)).status;
      child.kill('SIGTERM');
    });
    expect(liveBeforeTerm).toBe(200);
    const lines = run.stdout.split('\n').filter((line) => line.startsWith('fixture:'));
    expect(lines).toEqual(['fixture: drain started', 'fixture: drain finished', 'fixture: pool closed']);
    expect(run.signal).toBe('SIGTERM');
  });
});

describe('graceful shutdown in process', () => {
  const events: string[] = [];
  let releaseDrain: () => void = () => undefined;
  let releaseRequest: () => void = () => undefined;
  let httpListeningDuringDrain: boolean | undefined;
  let server: Server | undefined;

  @Injectable()
  class SlowConsumer implements Drainable {
    async drain(): Promise<void> {
      httpListeningDuringDrain = server?.listening;
      events.push('drain started');
      await new Promise<void>((resolve) => (releaseDrain = resolve));
      events.push('drain finished');
    }
  }

  @Injectable()
  class ResourceOwner implements OnModuleDestroy {
    onModuleDestroy(): void {
      events.push('other modules destroyed');
    }
  }

  @Public()
  @Controller('slow')
  class SlowController {
    @Get()
    async slow(): Promise<{ done: true }> {
      events.push('request started');
      await new Promise<void>((resolve) => (releaseRequest = resolve));
      events.push('request finished');
      return { done: true };
    }
  }

  @Module({ controllers: [SlowController], providers: [SlowConsumer, { provide: DRAINABLE, useExisting: SlowConsumer }, ResourceOwner] })
  class AppModule {}

  let schema: TestServiceDatabase;
  beforeAll(async () => {
    schema = await testDatabase('platform_boot');
  });
  afterAll(() => schema?.close());

  it('lets the in-flight request finish, drains with HTTP closed, and resolves close() only after the drain', async () => {
    const edge = await startEdgeApp(AppModule, { db: schema.db });
    server = edge.app.getHttpServer() as Server;
    const inFlight = call(`${edge.url}/slow`);
    await waitFor(() => events.includes('request started'));

    let closed = false;
    const closing = edge.close().then(() => (closed = true));
    await waitFor(() => !server!.listening);
    // No new connections once closing began.
    await expect(fetch(`${edge.url}/health/live`)).rejects.toThrow();
    expect(events).toEqual(['request started']);
    releaseRequest();
    expect((await inFlight).body).toEqual({ done: true });
    await waitFor(() => events.includes('drain started'));
    expect(httpListeningDuringDrain).toBe(false);
    expect(closed).toBe(false);

    releaseDrain();
    await closing;
    expect(events).toEqual(['request started', 'request finished', 'drain started', 'drain finished', 'other modules destroyed']);
  });
});

describe('OpenAPI', () => {
  @Controller('lots')
  class LotController {
    @Get()
    list(): string[] {
      return [];
    }
  }
  @Module({ controllers: [LotController] })
  class LotsModule {}

  let schema: TestServiceDatabase;
  beforeAll(async () => {
    schema = await testDatabase('platform_oas');
  });
  afterAll(() => schema?.close());

  it('is served at /openapi.json and /docs without a token, with both security schemes', async () => {
    const edge = await startEdgeApp(LotsModule, { db: schema.db });
    try {
      const document = await call(`${edge.url}/openapi.json`);
      expect(document.status).toBe(200);
      expect(document.body.openapi).toMatch(/^3\./);
      expect(document.body.info.title).toBe('platform-test');
      expect(Object.keys(document.body.paths)).toContain('/lots');
      expect(Object.keys(document.body.paths)).not.toContain('/health/live');
      expect(Object.keys(document.body.components.securitySchemes).sort()).toEqual(['bearer', 'integration-hmac']);
      const docs = await call(`${edge.url}/docs`);
      expect(docs.status).toBe(200);
      expect(docs.headers.get('content-type')).toContain('text/html');
    } finally {
      await edge.close();
    }
  });
});
