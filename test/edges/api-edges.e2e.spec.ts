import { INTEGRATION_ROLES, type IntegrationRole, type Role } from '@dw/platform';
import { SERVICE_NAMES, startAllServices, type AllServices, type Answer, type EdgeRequest, type ServiceName } from './fixtures/all-services';
import { MUTATING, operationsOf, OperationFuzzer, Random, type OpenApiDocument, type Operation } from './fixtures/openapi-fuzzer';
import { PERSON_ROLES, readRoleTables, unnamedParameters, type RoleRow } from './fixtures/readme-role-table';

/**
 * The edges of every service, as an outside tester tries them (issue: "the edges under attack"):
 * the README role tables hold against the running API, and an OpenAPI-driven fuzzer finds no
 * input that makes a service fail (5xx) or answer an error that is not problem+json.
 */
jest.setTimeout(600_000);

/** Operations the platform serves without authentication (probes, the documents themselves). */
const PUBLIC = /^\/(health|metrics|docs|openapi)/;
const REQUESTS_PER_OPERATION = 200;
const SEED = Number(process.env.EDGE_FUZZ_SEED ?? 20261207);

let all: AllServices;
const documents = {} as Record<ServiceName, OpenApiDocument>;
const rows = readRoleTables();

beforeAll(async () => {
  all = await startAllServices('edges');
  for (const service of SERVICE_NAMES) documents[service] = (await (await fetch(`${all.url[service]}/openapi.json`)).json()) as OpenApiDocument;
});
afterAll(() => all?.stop());

const key = (method: string, path: string) => `${method} ${unnamedParameters(path)}`;
const operationsOfService = (service: ServiceName): Operation[] => operationsOf(documents[service]).filter((operation) => !PUBLIC.test(operation.path));
const rowOf = (service: ServiceName, operation: Operation): RoleRow | undefined =>
  rows.find((row) => row.service === service && row.routes.some((route) => key(route.method, route.path) === key(operation.method, operation.path)));
/** A path with every parameter filled by a harmless value that names nothing. */
const probePath = (path: string) => path.replace(/\{[^}]*\}/g, 'edge-probe-0');
const isForbiddenRole = (answer: Answer) => answer.status === 403 && answer.body?.code === 'FORBIDDEN_ROLE';
const asPerson = (role: Role) => ({ roles: [role], ...(role === 'depositor' ? { partyId: 'P-EDGE' } : {}) });

describe('the README role tables are the API’s', () => {
  it('every operation of every service is a row of its README’s route table, and every row names routes that exist', () => {
    const missingRows = SERVICE_NAMES.flatMap((service) =>
      operationsOfService(service)
        .filter((operation) => !rowOf(service, operation))
        .map((operation) => `${service}: ${key(operation.method, operation.path)}`),
    );
    const unknownRoutes = rows.flatMap((row) =>
      row.routes
        .filter((route) => !operationsOfService(row.service).some((operation) => key(operation.method, operation.path) === key(route.method, route.path)))
        .map((route) => `${row.where}: ${key(route.method, route.path)} (${row.service})`),
    );
    const emptyRows = rows.filter((row) => row.routes.length === 0 || row.roles.size === 0).map((row) => row.where);
    expect({ missingRows, unknownRoutes, emptyRows }).toEqual({ missingRows: [], unknownRoutes: [], emptyRows: [] });
  });

  it('lets through exactly the roles each row names, and refuses every other role with 403 FORBIDDEN_ROLE', async () => {
    const disagreements: string[] = [];
    let checked = 0;
    for (const row of rows) {
      for (const route of row.routes) {
        const request: EdgeRequest = {
          method: route.method,
          path: probePath(route.path),
          ...(MUTATING.has(route.method) ? { body: '{}', headers: { 'Idempotency-Key': `edge-${checked}` } } : {}),
        };
        const callers: { label: string; as: Parameters<AllServices['send']>[2]; granted: boolean }[] = row.signed
          ? INTEGRATION_ROLES.map((client) => ({ label: client, as: { client }, granted: row.roles.has(client) }))
          : PERSON_ROLES.map((role) => ({ label: role, as: asPerson(role), granted: row.roles.has(role) }));
        for (const caller of callers) {
          const answer = await all.send(
            row.service,
            { ...request, headers: { ...request.headers, ...(request.headers ? { 'Idempotency-Key': `edge-${checked}-${caller.label}` } : {}) } },
            caller.as,
          );
          checked += 1;
          if (caller.granted === isForbiddenRole(answer) || answer.status >= 500) {
            disagreements.push(
              `${row.where} ${key(route.method, route.path)} as ${caller.label}: the table says ${caller.granted ? 'allowed' : 'refused'}, the API answered ${answer.status} ${answer.body?.code ?? ''}`,
            );
          }
        }
      }
    }
    console.log(`role tables: ${rows.length} rows, ${checked} requests, ${disagreements.length} disagreements`);
    expect(disagreements).toEqual([]);
  });

  it('documents each operation’s security: bearer for people routes, the signature for signed ones, none for probes', () => {
    const wrong = rows.flatMap((row) =>
      row.routes.flatMap((route) => {
        const operation = operationsOfService(row.service).find((candidate) => key(candidate.method, candidate.path) === key(route.method, route.path));
        const schemes = (operation?.spec.security ?? []).flatMap((requirement) => Object.keys(requirement));
        const expected = row.signed ? 'integration-hmac' : 'bearer';
        return schemes.length === 1 && schemes[0] === expected ? [] : [`${row.where} ${key(route.method, route.path)}: ${JSON.stringify(schemes)}`];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('a person’s token never opens a signed route, and a signed request never opens a people route (401)', async () => {
    const wrongScheme: string[] = [];
    for (const row of rows) {
      const route = row.routes[0]!;
      const request: EdgeRequest = { method: route.method, path: probePath(route.path), ...(MUTATING.has(route.method) ? { body: '{}' } : {}) };
      const answer = row.signed ? await all.send(row.service, request, asPerson('manager')) : await all.send(row.service, request, { client: 'exchange' });
      if (answer.status !== 401) wrongScheme.push(`${row.where} ${key(route.method, route.path)}: ${answer.status} ${answer.body?.code ?? ''}`);
    }
    expect(wrongScheme).toEqual([]);
  });
});

describe('OpenAPI-driven fuzzing of every operation of every service', () => {
  it(`answers ${REQUESTS_PER_OPERATION} generated requests per operation, from callers the operation admits, without one 5xx and with every error as problem+json`, async () => {
    const failures: string[] = [];
    const undocumented = new Set<string>();
    const statuses = new Map<number, number>();
    let sent = 0;
    let operations = 0;
    await Promise.all(
      SERVICE_NAMES.map(async (service) => {
        for (const operation of operationsOfService(service)) {
          const row = rowOf(service, operation);
          if (!row) continue; // the role-table test names it
          operations += 1;
          const fuzzer = new OperationFuzzer(operation, documents[service], new Random(SEED + operations));
          const callers = row.signed ? [...row.roles].map((client) => ({ client: client as IntegrationRole })) : [...row.roles].map(asPerson);
          for (let index = 0; index < REQUESTS_PER_OPERATION; index += 1) {
            const request = fuzzer.next();
            if (MUTATING.has(request.method) && index % 10 !== 0) request.headers = { 'Idempotency-Key': `fuzz-${service}-${operations}-${index}` };
            const answer = await all.send(service, request, callers[index % callers.length]!);
            sent += 1;
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            fuzzer.learn(answer.body);
            const problem =
              answer.status < 400 ||
              (answer.contentType.startsWith('application/problem+json') && typeof answer.body?.code === 'string' && answer.body.status === answer.status);
            if (answer.status >= 500 || !problem) {
              failures.push(
                `${service} ${request.method} ${request.path.slice(0, 200)} body=${(request.body ?? '').slice(0, 200)} -> ${answer.status} ${answer.text.slice(0, 300)}`,
              );
            }
            if (!(String(answer.status) in (operation.spec.responses ?? {})))
              undocumented.add(`${service} ${key(operation.method, operation.path)} answered ${answer.status}`);
          }
        }
      }),
    );
    const fiveHundreds = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0);
    console.log(
      `fuzz (seed ${SEED}): ${operations} operations, ${sent} requests, ${fiveHundreds} answers of 5xx; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    expect(operations).toBeGreaterThan(60);
    expect(failures.slice(0, 25)).toEqual([]);
    // The document is the contract: every status an operation answered is one it documents.
    expect([...undocumented]).toEqual([]);
  });
});
