import { BadRequestException, HttpException, NotFoundException, ParseIntPipe, ServiceUnavailableException } from '@nestjs/common';
import { DomainError, refuse } from '@dw/kernel';
import { toProblem } from './error-to-problem';
import { ProblemException } from './problem.exception';

const context = { instance: '/receipts/R1?x=1', traceId: '0af7651916cd43dd8448eb211c80319c' };

describe('toProblem', () => {
  it.each([
    ['invalid', 422],
    ['not_found', 404],
    ['conflict', 409],
    ['forbidden', 403],
  ] as const)('maps a DomainError of kind %s to %i with its code, field and details', (kind, status) => {
    const answer = toProblem(new DomainError('WEIGHT_OUT_OF_TOLERANCE', 'weight is off by 31 kg', kind, { toleranceKg: 30 }, 'weightKg'), context);
    expect(answer).toEqual({
      status,
      unexpected: false,
      headers: {},
      body: {
        type: 'https://errors.delivery-warehouse.dev/weight-out-of-tolerance',
        title: 'Weight out of tolerance',
        status,
        detail: 'weight is off by 31 kg',
        instance: '/receipts/R1?x=1',
        code: 'WEIGHT_OUT_OF_TOLERANCE',
        field: 'weightKg',
        details: { toleranceKg: 30 },
        traceId: context.traceId,
      },
    });
  });

  it('leaves out empty details and absent fields', () => {
    const { body } = toProblem(refuse.notFound('RECEIPT_NOT_FOUND', 'no receipt R1'), context);
    expect(body).not.toHaveProperty('details');
    expect(body).not.toHaveProperty('field');
  });

  it('maps any error whose code is STREAM_VERSION_CONFLICT to 409, keeping the versions', () => {
    const conflict = Object.assign(new Error('stream r-1 is at version 4, expected 3'), {
      code: 'STREAM_VERSION_CONFLICT',
      streamId: 'receipt-R1',
      expectedVersion: 3,
      actualVersion: 4,
    });
    const answer = toProblem(conflict, context);
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('STREAM_VERSION_CONFLICT');
    expect(answer.body.details).toEqual({ expectedVersion: 3, actualVersion: 4 });
    expect(answer.unexpected).toBe(false);
  });

  it.each([
    ['the server refusing connections (it is down)', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['the session terminated by a restart (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
  ])('answers the database being unavailable (%s) with 503 DATABASE_UNAVAILABLE and Retry-After, still reported as unexpected', (_case, error) => {
    const answer = toProblem(error, context);
    expect(answer).toMatchObject({ status: 503, unexpected: true, headers: { 'Retry-After': '1' }, body: { code: 'DATABASE_UNAVAILABLE', status: 503 } });
  });

  it('keeps a ProblemException as thrown, with its headers and field errors', () => {
    const errors = [{ field: 'lines.0.weightKg', reason: 'must be an integer', constraint: 'isInt' }];
    const answer = toProblem(
      new ProblemException(401, 'UNAUTHENTICATED', 'token expired', { headers: { 'WWW-Authenticate': 'Bearer realm="x"' }, errors }),
      context,
    );
    expect(answer.status).toBe(401);
    expect(answer.headers).toEqual({ 'WWW-Authenticate': 'Bearer realm="x"' });
    expect(answer.body.errors).toEqual(errors);
  });

  it("keeps a Nest HttpException's status and gives it a code by status", () => {
    expect(toProblem(new NotFoundException('Cannot GET /nope'), context).body).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      detail: 'Cannot GET /nope',
    });
    expect(toProblem(new BadRequestException(['a must be set', 'b must be set']), context).body.detail).toBe('a must be set; b must be set');
    expect(toProblem(new HttpException('teapot', 418), context).body.code).toBe('HTTP_418');
  });

  it("gives a built-in pipe's refusal a 400 with its message", async () => {
    const error = await new ParseIntPipe().transform('abc', { type: 'param', data: 'id' }).catch((e: unknown) => e);
    expect(toProblem(error, context).body).toMatchObject({ status: 400, code: 'BAD_REQUEST', detail: expect.stringContaining('numeric') });
  });

  it('answers unknown errors with 500 INTERNAL and withholds their message', () => {
    const answer = toProblem(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2'), context);
    expect(answer.status).toBe(500);
    expect(answer.unexpected).toBe(true);
    expect(answer.body.code).toBe('INTERNAL');
    expect(JSON.stringify(answer.body)).not.toMatch(/ECONNREFUSED|hunter2|10\.0\.0\.5/);
    expect(answer.body.detail).toContain(context.traceId);
  });

  it('withholds the message of a 5xx HttpException too', () => {
    const answer = toProblem(new ServiceUnavailableException('kafka at 10.0.0.7 is down'), context);
    expect(answer.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(answer.body.detail).not.toContain('10.0.0.7');
  });

  it('treats thrown non-errors as unexpected', () => {
    expect(toProblem('boom', context).body.code).toBe('INTERNAL');
    expect(toProblem(undefined, context).status).toBe(500);
  });

  it('answers an event already in the log with 409 DUPLICATE_EVENT_ID, without the database detail', () => {
    const duplicate = Object.assign(new Error('an event appended to lot-1 is already in the log (Key (event_id)=(…) already exists.)'), {
      code: 'DUPLICATE_EVENT_ID',
    });
    const answer = toProblem(duplicate, context);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'DUPLICATE_EVENT_ID', detail: 'this change was already applied' });
  });
});
