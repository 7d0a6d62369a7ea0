import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HttpException } from '@nestjs/common';
import { DomainError, refuse, type DomainErrorKind } from '@dw/kernel';
import { toProblem } from '@dw/platform';
import { scanErrorCodes, type ScanResult } from './error-code-scan';

/**
 * docs/error-codes.md is the catalogue of every code the HTTP API answers with. This keeps it
 * true: the codes are found in the sources (see error-code-scan.ts for how), their statuses
 * come from the real problem mapping (`toProblem`), and the catalogue must list exactly those
 * codes with exactly those statuses.
 */
const root = resolve(__dirname, '../..');
const CATALOGUE = 'docs/error-codes.md';
const context = { instance: '/', traceId: '0'.repeat(32) };

/** A DomainError kind's status, as the problem mapping gives it (none for a kind it does not know). */
const statusOfKind = (kind: string): number | undefined =>
  toProblem(new DomainError('PROBE', 'probe', kind as DomainErrorKind), context).status as number | undefined;

/** Not sources of the running services: tests, test support, generated code. */
const EXCLUDED = [/\.spec\.ts$/, /\.spec-helper\.ts$/, /(^|\/)gen\//, /\/fixtures\//, /\/test-support\//, /^libs\/testing\//];

/**
 * Calls whose code is not a literal on purpose: toProblem answers any other HttpException of
 * Nest's with the code of its status. Those codes are checked below from toProblem itself.
 */
const BY_STATUS_FALLBACK = { file: 'libs/platform/src/problem/error-to-problem.ts', text: 'code' };

interface Derived {
  statuses: Set<number>;
  origins: Set<string>;
  sites: string[];
}

interface Row {
  line: number;
  code: string;
  statuses: number[];
  where: string[];
  meaning: string;
}

describe('the error code catalogue (docs/error-codes.md)', () => {
  let scan: ScanResult;
  let derived: Map<string, Derived>;
  let rows: Row[];
  let malformed: string[];

  beforeAll(() => {
    scan = scanErrorCodes({
      root,
      dirs: ['libs', 'services'],
      exclude: (path) => EXCLUDED.some((pattern) => pattern.test(path)),
      sinks: [
        { file: 'libs/kernel/src/errors/domain-error.ts', name: 'DomainError', codeParam: 0, statusParam: 2, statusFrom: 'kind' },
        { file: 'libs/platform/src/problem/problem.exception.ts', name: 'ProblemException', codeParam: 1, statusParam: 0, statusFrom: 'number' },
        { file: 'libs/platform/src/problem/error-to-problem.ts', name: 'deliberate', codeParam: 1, statusParam: 0, statusFrom: 'number' },
      ],
      kindStatus: statusOfKind,
    });
    derived = new Map();
    const add = (code: string, status: number, origin: string, site: string) => {
      const entry = derived.get(code) ?? { statuses: new Set(), origins: new Set(), sites: [] };
      entry.statuses.add(status);
      entry.origins.add(origin);
      entry.sites.push(`${status} at ${site}`);
      derived.set(code, entry);
    };
    for (const use of scan.uses) add(use.code, use.status, originOf(use.file), `${use.file}:${use.line}`);
    for (const [status, code] of fallbackCodes()) add(code, status, 'platform', `toProblem(HttpException ${status})`);
    ({ rows, malformed } = catalogueRows(readFileSync(resolve(root, CATALOGUE), 'utf8')));
  });

  it('follows codes through each refuse helper with the status the problem mapping gives it', () => {
    for (const helper of Object.keys(refuse) as Array<keyof typeof refuse>) {
      const followed = scan.forwarders.filter((f) => f.name === `refuse.${helper}` && f.file === 'libs/kernel/src/errors/domain-error.ts');
      const answered = toProblem(refuse[helper]('PROBE', 'probe'), context).status;
      expect({ helper, statuses: followed.map((f) => f.statuses) }).toEqual({ helper, statuses: [[answered]] });
    }
    expect(derived.size).toBeGreaterThan(150);
  });

  it('resolves every code argument to literals', () => {
    const unexplained = scan.unresolved.filter((u) => !(u.file === BY_STATUS_FALLBACK.file && u.text === BY_STATUS_FALLBACK.text));
    expect(unexplained.map((u) => `${u.file}:${u.line}: ${u.text} (${u.why})`)).toEqual([]);
    // The fallback is still there; if it goes, so does this exception.
    expect(scan.unresolved.length - unexplained.length).toBeGreaterThan(0);
  });

  it('has well-formed rows', () => {
    expect(malformed).toEqual([]);
  });

  it('lists each code once', () => {
    expect(problemsOf(derived, rows).repeated).toEqual([]);
  });

  it('lists every code the sources throw', () => {
    expect(problemsOf(derived, rows).missing).toEqual([]);
  });

  it('lists no code the sources no longer throw', () => {
    expect(problemsOf(derived, rows).extra).toEqual([]);
  });

  it('gives each code the status it is answered with', () => {
    expect(problemsOf(derived, rows).wrongStatus).toEqual([]);
  });

  it('shows both statuses of a code thrown with two (listed only when both are intended)', () => {
    expect(problemsOf(derived, rows).twoStatuses).toEqual([]);
  });

  it('says where each code comes from', () => {
    expect(problemsOf(derived, rows).where).toEqual([]);
  });

  it('would report a row taken out, a row too many, a wrong status and a second status', () => {
    const [first, ...rest] = rows;
    const code = first!.code;
    expect(problemsOf(derived, rest).missing).toContainEqual(expect.stringContaining(code));
    expect(problemsOf(derived, [...rows, { ...first!, code: 'NEVER_THROWN', line: 0 }]).extra).toContain(`NEVER_THROWN (${CATALOGUE}:0)`);
    expect(problemsOf(derived, [{ ...first!, statuses: [first!.statuses[0]! + 1] }, ...rest]).wrongStatus).toContainEqual(expect.stringContaining(code));
    expect(problemsOf(derived, [...rows, first!]).repeated).toContainEqual(expect.stringContaining(code));
    expect(problemsOf(derived, [{ ...first!, where: ['elsewhere'] }, ...rest]).where).toContainEqual(expect.stringContaining(code));
    const d = derived.get(code)!;
    const twice = new Map(derived).set(code, { ...d, statuses: new Set([...d.statuses, 418]), sites: [...d.sites, '418 at somewhere.ts:1'] });
    expect(problemsOf(twice, rows).twoStatuses).toContainEqual(expect.stringContaining('418 at somewhere.ts:1'));
  });
});

/** What is wrong with the catalogue's rows, given the codes derived from the sources. */
function problemsOf(derived: Map<string, Derived>, rows: readonly Row[]) {
  const listed = new Map<string, Row>();
  const repeated: string[] = [];
  for (const row of rows) {
    const first = listed.get(row.code);
    if (first) repeated.push(`${row.code} on lines ${first.line} and ${row.line}`);
    else listed.set(row.code, row);
  }
  const missing = [...derived].filter(([code]) => !listed.has(code)).map(([code, d]) => `${code} (${d.sites.join('; ')})`);
  const extra = [...listed.values()].filter((row) => !derived.has(row.code)).map((row) => `${row.code} (${CATALOGUE}:${row.line})`);
  const wrongStatus: string[] = [];
  const twoStatuses: string[] = [];
  const where: string[] = [];
  for (const row of listed.values()) {
    const d = derived.get(row.code);
    if (!d) continue;
    const thrown = [...d.statuses].sort((a, b) => a - b);
    const shown = [...row.statuses].sort((a, b) => a - b);
    if (JSON.stringify(thrown) !== JSON.stringify(shown)) {
      // A code should mean one thing: one thrown with two statuses is reported with every site.
      if (thrown.length > 1) twoStatuses.push(`${row.code}: listed ${shown.join(', ')}; thrown with ${d.sites.join('; ')}`);
      else wrongStatus.push(`${row.code}: listed ${shown.join(', ')}, answered with ${thrown[0]} (${d.sites.join('; ')})`);
    }
    const unnamed = [...d.origins].filter((origin) => !row.where.includes(origin));
    if (unnamed.length > 0) where.push(`${row.code}: where should name ${unnamed.join(', ')}`);
  }
  return { repeated, missing, extra, wrongStatus, twoStatuses, where };
}

/** Nest's own HttpExceptions get a code by status; every status the mapping names one for. */
function fallbackCodes(): Array<[number, string]> {
  const codes: Array<[number, string]> = [];
  for (let status = 400; status < 600; status += 1) {
    const { code } = toProblem(new HttpException('probe', status), context).body;
    if (code !== `HTTP_${status}`) codes.push([status, code]);
  }
  return codes;
}

/** `libs/kernel/src/…` → kernel; `services/receipt/src/…` → receipt. */
function originOf(file: string): string {
  return file.split('/')[1]!;
}

/** The rows of every table whose header is `| code | status | where | meaning |`. */
function catalogueRows(markdown: string): { rows: Row[]; malformed: string[] } {
  const rows: Row[] = [];
  const malformed: string[] = [];
  let inTable = false;
  markdown.split('\n').forEach((text, index) => {
    const line = index + 1;
    if (/^\|\s*code\s*\|\s*status\s*\|\s*where\s*\|\s*meaning\s*\|\s*$/.test(text)) {
      inTable = true;
      return;
    }
    if (!text.startsWith('|')) {
      inTable = false;
      return;
    }
    if (!inTable) {
      // A code's row under another header (or none) would be skipped: say so instead.
      if (/^\|\s*`[A-Z]/.test(text)) malformed.push(`${CATALOGUE}:${line}: a code row outside a code | status | where | meaning table`);
      return;
    }
    if (/^\|[\s|:-]+\|$/.test(text)) return;
    const cells = text
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const code = /^`([A-Z][A-Z0-9_]*)`$/.exec(cells[0] ?? '')?.[1];
    const statuses = /^\d{3}(, \d{3})*$/.test(cells[1] ?? '') ? cells[1]!.split(', ').map(Number) : undefined;
    if (cells.length !== 4 || !code || !statuses || !cells[2] || !cells[3]) {
      malformed.push(`${CATALOGUE}:${line}: ${text}`);
      return;
    }
    rows.push({ line, code, statuses, where: cells[2].split(/[^a-z-]+/).filter(Boolean), meaning: cells[3] });
  });
  return { rows, malformed };
}
