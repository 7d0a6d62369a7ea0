import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropServiceDatabase } from '@dw/event-store';
import { readSpanRecords } from '@dw/observability';
import { createDevKeySet, DEV_ISSUER, mintDevToken } from '@dw/platform';
import { databaseUrl, runEntryPoint, ServiceProcess, serviceProcessEnv, startServiceProcess, testMessageBus, TopicRecorder, waitFor } from '@dw/testing';

/**
 * The platform end to end, as users run it: two services in two OS processes, real
 * PostgreSQL and a real Kafka broker. `platform` takes HTTP commands and publishes through its
 * outbox; `probe-reader` consumes through its inbox into its own log and read model.
 */
const ENTRY = 'test/platform/fixtures/probe-services/probe-services.ts';
const run = randomBytes(4).toString('hex');
const prefix = `e2e${run}`;
const writerSchema = `t_platform_${run}`;
const readerSchema = `t_probe_reader_${run}`;
const keys = createDevKeySet();
const token = mintDevToken(keys, { sub: 'clerk-7', roles: ['clerk'] });
const spansFile = join(mkdtempSync(join(tmpdir(), 'dw-spans-')), 'spans.jsonl');

interface Problem {
  status?: number;
  code?: string;
  field?: string;
  errors: Array<{ field: string; reason: string; constraint: string }>;
}

function envFor(service: string, schema: string): Record<string, string> {
  return serviceProcessEnv({ service, schema, topicPrefix: prefix, auth: { issuer: DEV_ISSUER, jwks: keys.jwks }, extra: { OTEL_TRACES_FILE: spansFile } });
}

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Problem & Record<string, unknown> };
}

describe('platform end to end: HTTP → event log → outbox → Kafka → inbox in another process', () => {
  let writer: ServiceProcess;
  let reader: ServiceProcess;
  const bus = testMessageBus();
  let deadLetters: TopicRecorder;

  beforeAll(async () => {
    await runEntryPoint(ENTRY, ['platform', 'provision'], envFor('platform', writerSchema));
    await runEntryPoint(ENTRY, ['probe-reader', 'provision'], envFor('probe-reader', readerSchema));
    [writer, reader] = await Promise.all([
      startServiceProcess(ENTRY, ['platform'], envFor('platform', writerSchema)),
      startServiceProcess(ENTRY, ['probe-reader'], envFor('probe-reader', readerSchema)),
    ]);
    deadLetters = await new TopicRecorder(bus, [`${prefix}.probe-reader.dlq`]).start();
  });

  afterAll(async () => {
    await deadLetters?.stop();
    const exits = await Promise.all([writer?.stop(), reader?.stop()]);
    // Graceful: the drain ran, then Nest re-raised SIGTERM (no crash, no non-zero exit code).
    expect(exits).toEqual([
      { code: null, signal: 'SIGTERM' },
      { code: null, signal: 'SIGTERM' },
    ]);
    expect(reader.output()).toMatch(/draining \d+ consumer\(s\) and relay\(s\)/);
    const admin = await bus.admin();
    await admin.deleteTopics([`${prefix}.platform.probe.v1`, `${prefix}.probe-reader.dlq`]).catch(() => undefined);
    await admin.disconnect();
    await dropServiceDatabase(databaseUrl(), writerSchema);
    await dropServiceDatabase(databaseUrl(), readerSchema);
  });

  it('refuses to serve as a role that could change the log: the schema owner, or a superuser', async () => {
    const asRole = (user: string) => {
      const url = new URL(databaseUrl());
      url.username = user;
      return { ...envFor('platform', writerSchema), DATABASE_URL: url.toString(), HTTP_PORT: '0' };
    };
    const started = (env: Record<string, string>) =>
      startServiceProcess(ENTRY, ['platform'], env, 30_000).then(
        async (service) => {
          await service.stop();
          return 'served';
        },
        (error: Error) => error.message,
      );
    const asOwner = await started(asRole(`${writerSchema}_owner`));
    expect(asOwner).toContain(
      `refusing to serve as ${writerSchema}_owner: it can own the log (and disable its triggers), UPDATE events, DELETE events, TRUNCATE events`,
    );
    const asSuperuser = await started(asRole(new URL(databaseUrl()).username));
    expect(asSuperuser).toMatch(/refusing to serve as \w+: it can act as a superuser/);
  });

  it('carries one trace from the HTTP request in one process to the Kafka handler in another', async () => {
    const traceId = randomBytes(16).toString('hex');
    const answer = await post(
      writer.baseUrl,
      '/probes/traced',
      { payload: 'hello', weightKg: 5 },
      { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('etag')).toBe('"1"');

    const observed = await waitFor(
      async () => {
        const response = await fetch(`${reader.baseUrl}/observations/traced`, { headers: { authorization: `Bearer ${token}` } });
        return response.status === 200 ? ((await response.json()) as { observations: unknown[] }) : undefined;
      },
      { describe: 'the reader to observe the probe' },
    );
    expect(observed.observations).toEqual([{ sequence: 1, payload: 'hello' }]);

    const spans = await waitFor(
      () => {
        const inTrace = readSpanRecords(spansFile).filter((s) => s.traceId === traceId);
        return inTrace.some((s) => s.serviceName === 'probe-reader') ? inTrace : undefined;
      },
      { describe: 'the consumer span in the trace' },
    );
    const server = spans.find((s) => s.serviceName === 'platform' && s.kind === 'SERVER')!;
    const producer = spans.find((s) => s.serviceName === 'platform' && s.kind === 'PRODUCER')!;
    const consumer = spans.find((s) => s.serviceName === 'probe-reader' && s.kind === 'CONSUMER')!;
    expect(server.name).toBe('POST /probes/:id');
    expect(producer).toBeDefined();
    expect(consumer.parentSpanId).toBe(producer.spanId);
    expect(new Set([server.traceId, producer.traceId, consumer.traceId])).toEqual(new Set([traceId]));
  });

  it('answers a read in another process once it has consumed the messages the write published: X-Published-Messages passed on as X-Await-Messages, no polling', async () => {
    const written = await post(writer.baseUrl, '/probes/awaited', { payload: 'seen at once', weightKg: 2 });
    expect(written.status).toBe(200);
    // One public message, on the probe topic of this environment, named by its id.
    const published = written.headers.get('x-published-messages')!;
    expect(published).toMatch(new RegExp(`^${prefix}\\.platform\\.probe\\.v1:[0-9a-f-]{36}$`));
    const read = (awaited: string) =>
      fetch(`${reader.baseUrl}/observations/awaited`, { headers: { authorization: `Bearer ${token}`, 'x-await-messages': awaited } });

    // The first read after the write shows it: the reader held it until its inbox had the message.
    // A topic the reader does not consume is passed over (nothing there for it to wait for).
    const answer = await read(`${published},${prefix}.receipt.receipt.v1:0193d0a4-0000-7000-8000-000000000000`);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { observations: unknown[] }).observations).toEqual([{ sequence: 1, payload: 'seen at once' }]);

    // A message the reader never gets (on a topic it consumes) is refused once the wait is over.
    const never = `${prefix}.platform.probe.v1:0193d0a4-0000-7000-8000-00000000dead`;
    const late = await read(never);
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('1');
    expect(await late.json()).toMatchObject({
      code: 'AWAITED_MESSAGES_NOT_CONSUMED',
      field: 'X-Await-Messages',
      details: { missing: ['0193d0a4-0000-7000-8000-00000000dead'] },
    });
    // A value the platform does not write is a bad request, not a wait.
    const malformed = await read('not a message list');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'AWAITED_MESSAGES_INVALID', field: 'X-Await-Messages' });
  });

  it('answers two concurrent writes at the same If-Match version with one success and one 409', async () => {
    expect((await post(writer.baseUrl, '/probes/race', { payload: 'v1', weightKg: 1 })).status).toBe(200);
    const [a, b] = await Promise.all([
      post(writer.baseUrl, '/probes/race', { payload: 'a', weightKg: 1 }, { 'if-match': '"1"' }),
      post(writer.baseUrl, '/probes/race', { payload: 'b', weightKg: 1 }, { 'if-match': '"1"' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const conflict = a.status === 409 ? a : b;
    expect(conflict.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(conflict.body).toMatchObject({ status: 409, code: 'STREAM_VERSION_CONFLICT' });
    const stale = await post(writer.baseUrl, '/probes/race', { payload: 'c', weightKg: 1 }, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
  });

  it('refuses bad input with problem+json, a stable code and the field, and writes nothing', async () => {
    const unknownField = await post(writer.baseUrl, '/probes/bad', { payload: 'x', weightKg: 1, colour: 'red' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'colour' })] });
    const wrongType = await post(writer.baseUrl, '/probes/bad', { payload: 'x', weightKg: 'heavy' });
    expect(wrongType.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: expect.arrayContaining([expect.objectContaining({ field: 'weightKg', constraint: 'isInt' })]),
    });
    const outOfRange = await post(writer.baseUrl, '/probes/bad', { payload: 'x', weightKg: 1001 });
    expect(outOfRange.body.errors[0]).toMatchObject({ field: 'weightKg', constraint: 'max' });
    const malformed = await post(writer.baseUrl, '/probes/bad', '{"payload": ');
    expect(malformed.body).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
    const refused = await post(writer.baseUrl, '/probes/bad', { payload: 'refuse-me', weightKg: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'PROBE_REFUSED', field: 'payload' });
    const noToken = await fetch(`${writer.baseUrl}/probes/bad`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(401);
    // None of these reached the log: the next write to the stream is its first.
    const first = await post(writer.baseUrl, '/probes/bad', { payload: 'ok', weightKg: 1 });
    expect(first.body).toMatchObject({ version: 1 });
  });

  it('dead-letters a message the reader cannot apply and keeps consuming the partition', async () => {
    expect((await post(writer.baseUrl, '/probes/poisoned', { payload: 'poison', weightKg: 1 })).status).toBe(200);
    expect((await post(writer.baseUrl, '/probes/poisoned', { payload: 'after', weightKg: 1 })).status).toBe(200);
    const letter = await waitFor(() => deadLetters.messages.find((m) => m.headers.ce_subject === 'probe-poisoned'), {
      timeoutMs: 60_000,
      describe: 'the dead letter',
    });
    expect(letter.headers).toMatchObject({ dlq_error_message: 'probe-reader cannot apply a poison probe', ce_type: 'dw.platform.v1.PlatformProbeRecorded' });
    const observed = await waitFor(async () => {
      const response = await fetch(`${reader.baseUrl}/observations/poisoned`, { headers: { authorization: `Bearer ${token}` } });
      return response.status === 200 ? ((await response.json()) as { observations: Array<{ payload: string }> }) : undefined;
    });
    expect(observed.observations.map((o) => o.payload)).toEqual(['after']);
  });

  it('reports readiness of PostgreSQL and Kafka, and the platform metrics', async () => {
    const ready = await fetch(`${reader.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    const text = await (await fetch(`${writer.baseUrl}/metrics`)).text();
    expect(text).toMatch(/dw_event_append_duration_seconds_count\{[^}]*stream_type="probe"[^}]*\} [1-9]/);
    expect(text).toMatch(/dw_outbox_published_total\{[^}]*\} [1-9]/);
    const readerMetrics = await (await fetch(`${reader.baseUrl}/metrics`)).text();
    expect(readerMetrics).toMatch(/dw_dead_letters_total\{[^}]*\} [1-9]/);
    expect(readerMetrics).toMatch(/dw_consumer_lag_messages\{/);
    // The reader's projection has applied everything: its backlog gauge comes down to 0.
    await waitFor(
      async () => /dw_projection_lag_events\{[^}]*projection="probe_observations"[^}]*\} 0\n/.test(await (await fetch(`${reader.baseUrl}/metrics`)).text()),
      {
        describe: 'projection lag 0',
      },
    );
  });
});
