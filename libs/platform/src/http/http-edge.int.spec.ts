import { Body, Controller, Get, Module, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import type { ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { DomainError, type DomainErrorKind } from '@dw/kernel';
import { CursorCodec } from '../pagination/cursor';
import { pageOf, type Page } from '../pagination/page';
import { PageQueryDto } from '../pagination/page-query.dto';
import { bearer, call, testDatabase, startEdgeApp, type RunningEdge, type TestServiceDatabase } from '../test-support/edge-test-kit';
import { IfMatchVersion, setETag, type IfMatchExpectation } from './etag';

class LineDto {
  @IsString() barcode!: string;
  @IsInt() @Min(1) @Max(40_000) weightKg!: number;
}

class TallyDto {
  @IsString() lotId!: string;
  @ValidateNested({ each: true }) @Type(() => LineDto) @ArrayMinSize(1) lines!: LineDto[];
}

const LOTS = Array.from({ length: 7 }, (_, i) => `L${i + 1}`);

@Controller('tallies')
class TallyController {
  constructor(private readonly cursors: CursorCodec) {}

  @Post()
  create(@Body() tally: TallyDto): { lotId: string; totalKg: number } {
    return { lotId: tally.lotId, totalKg: tally.lines.reduce((sum, line) => sum + line.weightKg, 0) };
  }

  @Get()
  list(@Query() query: PageQueryDto): Page<string> {
    const after = query.cursor === undefined ? 0 : this.cursors.decode<{ index: number }>(query.cursor, 'lots').index;
    const rows = LOTS.map((lot, index) => ({ lot, index: index + 1 })).slice(after, after + query.limit + 1);
    return pageOf(
      rows,
      query.limit,
      (row) => row.lot,
      (row) => this.cursors.encode({ index: row.index }, 'lots'),
    );
  }

  @Put(':id')
  update(
    @Param('id', ParseIntPipe) id: number,
    @IfMatchVersion({ required: true }) expected: IfMatchExpectation,
    @Res({ passthrough: true }) res: ServerResponse,
  ) {
    setETag(res, typeof expected === 'number' ? expected + 1 : 1);
    return { id, expected };
  }

  @Get('refusals/:kind')
  refuse(@Param('kind') kind: DomainErrorKind): never {
    throw new DomainError('LOT_REFUSED', `refused as ${kind}`, kind, { lotId: 'L1' }, 'lotId');
  }

  @Get('conflict')
  conflict(): never {
    throw Object.assign(new Error('stream lot-L1 is at version 5, expected 4'), {
      code: 'STREAM_VERSION_CONFLICT',
      streamId: 'lot-L1',
      expectedVersion: 4,
      actualVersion: 5,
    });
  }

  @Get('crash')
  crash(): never {
    throw new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
  }
}

@Module({ controllers: [TallyController] })
class TallyModule {}

let schema: TestServiceDatabase;
let edge: RunningEdge;
const clerk = bearer(['clerk']);

beforeAll(async () => {
  schema = await testDatabase('platform_http');
  edge = await startEdgeApp(TallyModule, { db: schema.db });
});
afterAll(async () => {
  await edge?.close();
  await schema?.close();
});

const post = (json: unknown) => call(`${edge.url}/tallies`, { json, headers: clerk });

describe('validation at the HTTP edge', () => {
  it('passes a valid body to the handler as a DTO', async () => {
    const answer = await post({
      lotId: 'L1',
      lines: [
        { barcode: 'B1', weightKg: 2500 },
        { barcode: 'B2', weightKg: 2498 },
      ],
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ lotId: 'L1', totalKg: 4998 });
  });

  it('answers problem+json 400 VALIDATION_FAILED listing wrong types, out-of-range numbers and unknown fields by path', async () => {
    const answer = await post({
      lotId: 7,
      extra: 1,
      lines: [
        { barcode: 'B1', weightKg: 40_001 },
        { barcode: 'B2', weightKg: '12', x: true },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(answer.body).toMatchObject({
      type: 'https://errors.delivery-warehouse.dev/validation-failed',
      title: 'Validation failed',
      status: 400,
      code: 'VALIDATION_FAILED',
      instance: '/tallies',
      traceId: expect.stringMatching(/^[\da-f]{32}$/),
    });
    const found = (answer.body.errors as Array<{ field: string; constraint: string }>).map((e) => `${e.field}:${e.constraint}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'lotId:isString',
        'extra:whitelistValidation',
        'lines.0.weightKg:max',
        'lines.1.weightKg:isInt',
        'lines.1.x:whitelistValidation',
      ]),
    );
  });

  it('refuses an empty array body shape', async () => {
    const answer = await post({ lotId: 'L1', lines: [] });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ field: 'lines', reason: 'lines must contain at least 1 elements', constraint: 'arrayMinSize' }]);
  });

  it('refuses a JSON array where an object is expected', async () => {
    const answer = await post([{ lotId: 'L1' }]);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 400 MALFORMED_JSON for a body that does not parse', async () => {
    const answer = await call(`${edge.url}/tallies`, { body: '{"lotId": "L1",', headers: { ...clerk, 'Content-Type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'MALFORMED_JSON', instance: '/tallies' });
  });

  it('answers 400 MALFORMED_JSON for a bare JSON string (only objects and arrays are bodies)', async () => {
    const answer = await call(`${edge.url}/tallies`, { body: '"L1"', headers: { ...clerk, 'Content-Type': 'application/json' } });
    expect(answer.body.code).toBe('MALFORMED_JSON');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a body that is not JSON, and for an untyped body', async () => {
    const text = await call(`${edge.url}/tallies`, { body: 'lotId=L1', headers: { ...clerk, 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', detail: expect.stringContaining('application/x-www-form-urlencoded') });
    const untyped = await fetch(`${edge.url}/tallies`, { method: 'POST', headers: clerk, body: new Uint8Array([123, 125]) });
    expect(untyped.status).toBe(415);
  });

  it('accepts structured JSON media types such as application/merge-patch+json', async () => {
    const answer = await call(`${edge.url}/tallies`, {
      body: JSON.stringify({ lotId: 'L1', lines: [{ barcode: 'B1', weightKg: 1 }] }),
      headers: { ...clerk, 'Content-Type': 'application/merge-patch+json' },
    });
    expect(answer.status).toBe(201);
  });

  it('answers 413 PAYLOAD_TOO_LARGE past the 1 MB default limit', async () => {
    // 1 MB = 1 048 576 bytes; 1 100 000 barcode characters alone exceed it.
    const answer = await post({ lotId: 'L1', lines: [{ barcode: 'B'.repeat(1_100_000), weightKg: 1 }] });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limitBytes: 1_048_576 } });
  });
});

describe('unsafe input refused before any handler, validator or database sees it', () => {
  const raw = (body: string) => call(`${edge.url}/tallies`, { body, headers: { ...clerk, 'Content-Type': 'application/json' } });

  it('answers 400 INVALID_CHARACTERS for a lone surrogate or a NUL in a body string, naming the field', async () => {
    const surrogate = await raw('{"lotId":"\\ud800","lines":[{"barcode":"B1","weightKg":1}]}');
    expect(surrogate.status).toBe(400);
    expect(surrogate.headers.get('content-type')).toContain('application/problem+json');
    expect(surrogate.body).toMatchObject({ code: 'INVALID_CHARACTERS', field: 'lotId' });
    expect((await raw('{"lotId":"L1","lines":[{"barcode":"B\\u0000","weightKg":1}]}')).body).toMatchObject({
      code: 'INVALID_CHARACTERS',
      field: 'lines[0].barcode',
    });
  });

  it('answers 400 INVALID_CHARACTERS for a NUL in a path parameter or a filter', async () => {
    const inPath = await call(`${edge.url}/tallies/refusals/%00`, { headers: clerk });
    expect(inPath.status).toBe(400);
    expect(inPath.body).toMatchObject({ code: 'INVALID_CHARACTERS', field: 'path' });
    const inQuery = await call(`${edge.url}/tallies?lotId=%00`, { headers: clerk });
    expect(inQuery.status).toBe(400);
    expect(inQuery.body).toMatchObject({ code: 'INVALID_CHARACTERS', field: 'query.lotId' });
  });

  it('answers 431 HEADERS_TOO_LARGE as problem+json for a 20 kB token, and the server keeps serving', async () => {
    const oversized = await call(`${edge.url}/tallies`, { headers: { Authorization: `Bearer ${'a'.repeat(20_000)}` } });
    expect(oversized.status).toBe(431);
    expect(oversized.headers.get('content-type')).toContain('application/problem+json');
    expect(oversized.body).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE', type: 'https://errors.delivery-warehouse.dev/headers-too-large' });
    expect((await call(`${edge.url}/tallies`, { headers: clerk })).status).toBe(200);
  });

  it('answers 400 MALFORMED_REQUEST as problem+json for bytes that are not HTTP', async () => {
    const { port } = new URL(edge.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end('NOT HTTP AT ALL\r\n\r\n'));
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, code: 'MALFORMED_REQUEST' });
  });

  it('answers 400 BODY_TOO_DEEP for 5,000 nested arrays (under 1 MB), and the server keeps serving', async () => {
    const deep = await raw(`${'['.repeat(5_000)}${']'.repeat(5_000)}`);
    expect(deep.status).toBe(400);
    expect(deep.body).toMatchObject({ code: 'BODY_TOO_DEEP' });
    expect((await post({ lotId: 'L1', lines: [{ barcode: 'B1', weightKg: 1 }] })).status).toBe(201);
  });
});

describe('problem+json for everything else', () => {
  it.each([
    ['invalid', 422],
    ['not_found', 404],
    ['conflict', 409],
    ['forbidden', 403],
  ])('maps a DomainError of kind %s to %i', async (kind, status) => {
    const answer = await call(`${edge.url}/tallies/refusals/${kind}`, { headers: clerk });
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ code: 'LOT_REFUSED', detail: `refused as ${kind}`, field: 'lotId', details: { lotId: 'L1' } });
  });

  it('maps the event store version conflict to 409 STREAM_VERSION_CONFLICT', async () => {
    const answer = await call(`${edge.url}/tallies/conflict`, { headers: clerk });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'STREAM_VERSION_CONFLICT', details: { expectedVersion: 4, actualVersion: 5 } });
  });

  it('answers an unexpected error with 500 INTERNAL, leaks nothing, and logs it under the same trace id', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const answer = await call(`${edge.url}/tallies/crash`, { headers: { ...clerk, traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ code: 'INTERNAL', traceId });
    expect(JSON.stringify(answer.body)).not.toMatch(/ECONNREFUSED|hunter2|10\.0\.0\.5|at .*\.ts/);
    const logged = edge.logs.lines.find((line) => line.includes(traceId));
    expect(logged).toBeDefined();
    expect(logged).toContain('ECONNREFUSED');
  });

  it('answers an unknown route with 404 NOT_FOUND problem+json', async () => {
    const answer = await call(`${edge.url}/nope`, { headers: clerk });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.code).toBe('NOT_FOUND');
  });

  it("gives a built-in pipe's refusal a problem+json 400", async () => {
    const answer = await call(`${edge.url}/tallies/abc`, { method: 'PUT', headers: { ...clerk, 'If-Match': '"1"' } });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('BAD_REQUEST');
  });
});

describe('If-Match on versioned updates', () => {
  const put = (headers: Record<string, string>) => call(`${edge.url}/tallies/1`, { method: 'PUT', headers: { ...clerk, ...headers } });

  it('hands the expected version to the handler, which answers with the new ETag', async () => {
    const answer = await put({ 'If-Match': '"3"' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id: 1, expected: 3 });
    expect(answer.headers.get('etag')).toBe('"4"');
  });

  it('answers 428 PRECONDITION_REQUIRED without If-Match', async () => {
    const answer = await put({});
    expect(answer.status).toBe(428);
    expect(answer.body).toMatchObject({ code: 'PRECONDITION_REQUIRED', field: 'If-Match' });
  });

  it('answers 400 INVALID_IF_MATCH for a weak or malformed tag', async () => {
    expect((await put({ 'If-Match': 'W/"3"' })).body.code).toBe('INVALID_IF_MATCH');
    expect((await put({ 'If-Match': 'three' })).status).toBe(400);
  });
});

describe('pagination', () => {
  const list = (query: string) => call(`${edge.url}/tallies${query}`, { headers: clerk });

  it('pages with limit and the opaque cursor until nextCursor is null', async () => {
    const first = await list('?limit=3');
    expect(first.body.items).toEqual(['L1', 'L2', 'L3']);
    const second = await list(`?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toEqual(['L4', 'L5', 'L6']);
    const last = await list(`?limit=3&cursor=${second.body.nextCursor}`);
    expect(last.body).toEqual({ items: ['L7'], nextCursor: null });
  });

  it('defaults to 50 items', async () => {
    expect((await list('')).body).toEqual({ items: LOTS, nextCursor: null });
  });

  it.each(['0', '201', '-1', '2.5', 'ten', '1e2'])('refuses limit=%s with 400 VALIDATION_FAILED on limit', async (limit) => {
    const answer = await list(`?limit=${limit}`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain('limit');
  });

  it('accepts the bounds 1 and 200', async () => {
    expect((await list('?limit=1')).body.items).toEqual(['L1']);
    expect((await list('?limit=200')).status).toBe(200);
  });

  it('refuses a tampered cursor with 400 INVALID_CURSOR', async () => {
    const { nextCursor } = (await list('?limit=2')).body as { nextCursor: string };
    const [, tag] = nextCursor.split('.');
    const forged = `${Buffer.from(JSON.stringify({ index: 5 })).toString('base64url')}.${tag}`;
    const answer = await list(`?cursor=${forged}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'INVALID_CURSOR', field: 'cursor' });
  });

  it('refuses unknown query parameters', async () => {
    const answer = await list('?limit=2&sort=desc');
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toContainEqual({ field: 'sort', reason: 'property sort should not exist', constraint: 'whitelistValidation' });
  });
});
