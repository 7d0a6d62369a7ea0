import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/*
 * Reads docs/rules.md, the catalogue of business rules, and checks it against the code. Every
 * check is a pure function over a `Files` view of the repository and returns what is wrong, one
 * line per fault, so the spec can show both that the real repository is clean and that each
 * check catches its fault in a made-up one.
 *
 * The catalogue format (see the top of docs/rules.md):
 *   #### RULE-ID
 *   - rule: one line, the rule with its numbers
 *   - source: a public document by its title in 《》 and article, or "house rule" and a path in the repository
 *   - decided in: `path` `name`; `path` `name` …
 *   - tests:
 *     - `path` `test name`
 * A name is `fn`, `Owner.member` (a class method, a decider's `decide`, …) or `decider.decide(Command)`
 * for the `case 'Command':` branch that decides it.
 */

export const RULE_ID = /^(?:ORD|INV|RCPT|TRADE|BILL|GATE|FD|KRN)-[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/** A rule id as code comments cite it: `// rule RCPT-TRANSFER-MATCH`, or several after `// rules`, separated by commas. */
const CITATION = /\brules?\s+([A-Z][A-Z0-9]*-[A-Z0-9-]*[A-Z0-9](?:\s*(?:,|and)\s*[A-Z][A-Z0-9]*-[A-Z0-9-]*[A-Z0-9])*)/g;

export interface Place {
  readonly path: string;
  readonly name: string;
}

export interface CatalogueRule {
  readonly id: string;
  readonly line: number;
  readonly statement: string | null;
  readonly source: string | null;
  readonly decidedIn: readonly Place[];
  readonly tests: readonly Place[];
}

export interface Catalogue {
  readonly rules: readonly CatalogueRule[];
  /** Titles in 《》 of the public documents listed under "## Sources". */
  readonly documents: readonly string[];
  /** Anchors of in-page links that point at a rule (`](#rcpt-transfer-match)`), with their line. */
  readonly ruleLinks: readonly { readonly anchor: string; readonly line: number }[];
  /** Lines the format does not allow, e.g. an unknown field inside a rule. */
  readonly problems: readonly string[];
}

/** What the checks need of the repository: paths are relative to its root, with '/'. */
export interface Files {
  exists(path: string): boolean;
  read(path: string): string;
  /** Every file under these folders (recursively), skipping installed and generated build output. */
  list(folders: readonly string[]): string[];
}

const BACKTICK_PAIR = /`([^`]+)`\s+`([^`]+)`/g;

export function parseCatalogue(markdown: string): Catalogue {
  const lines = markdown.split('\n');
  const rules: CatalogueRule[] = [];
  const documents: string[] = [];
  const ruleLinks: { anchor: string; line: number }[] = [];
  const problems: string[] = [];
  let section = '';
  let rule: { id: string; line: number; statement: string | null; source: string | null; decidedIn: Place[]; tests: Place[] } | null = null;
  let inTests = false;

  lines.forEach((text, index) => {
    const line = index + 1;
    for (const link of text.matchAll(/\]\(#((?:ord|inv|rcpt|krn)-[a-z0-9-]+)\)/g)) ruleLinks.push({ anchor: link[1]!, line });
    const heading = /^(#{1,6})\s+(.*?)\s*$/.exec(text);
    if (heading) {
      inTests = false;
      rule = null;
      const [, hashes, title] = heading;
      if (hashes!.length === 2) section = title!;
      if (hashes!.length === 4) {
        if (!RULE_ID.test(title!)) {
          problems.push(`line ${line}: "${title}" is not a rule id (SERVICE-NAME, e.g. RCPT-TRANSFER-MATCH)`);
          return;
        }
        rule = { id: title!, line, statement: null, source: null, decidedIn: [], tests: [] };
        rules.push(rule);
      }
      return;
    }
    if (section === 'Sources') {
      const title = /《[^》]+》/.exec(text);
      if (text.startsWith('|') && title) documents.push(title[0]);
      return;
    }
    if (!rule || text.trim() === '') return;
    const current: { id: string; statement: string | null; source: string | null; decidedIn: Place[]; tests: Place[] } = rule;
    const field = /^- (rule|source|decided in|tests):\s*(.*)$/.exec(text);
    if (field) {
      const [, name, value] = field;
      inTests = name === 'tests';
      if (name === 'rule') current.statement = value!.trim() || null;
      if (name === 'source') current.source = value!.trim() || null;
      if (name === 'decided in') {
        const places = [...value!.matchAll(BACKTICK_PAIR)].map(([, path, where]) => ({ path: path!, name: where! }));
        const rest = value!.replace(BACKTICK_PAIR, '').replace(/[;\s]/g, '');
        if (places.length === 0 || rest !== '') problems.push(`line ${line} (${current.id}): decided in must be \`path\` \`name\` pairs separated by ';'`);
        current.decidedIn.push(...places);
      }
      if (name === 'tests' && value!.trim() !== '') problems.push(`line ${line} (${current.id}): list the tests on the lines below "- tests:"`);
      return;
    }
    const test = /^\s+- `([^`]+)`\s+`([^`]+)`\s*$/.exec(text);
    if (inTests && test) {
      current.tests.push({ path: test[1]!, name: test[2]! });
      return;
    }
    problems.push(`line ${line} (${current.id}): not part of the rule format: ${text.trim()}`);
  });
  return { rules, documents, ruleLinks, problems };
}

export const anchorOf = (id: string): string => id.toLowerCase();

// ---------------------------------------------------------------------------------------------
// Finding a named function (or a decider's branch) in a TypeScript source, and what it spans.

export interface Extent {
  /** 0-based, inclusive: the first line of the comment or decorators above the declaration. */
  readonly start: number;
  readonly declaration: number;
  /** 0-based, exclusive. */
  readonly end: number;
}

const NAME = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(?:\(([A-Za-z_$][\w$]*)\))?$/;
const escape = (text: string) => text.replace(/[$]/g, '\\$');
const indentOf = (text: string) => /^\s*/.exec(text)![0].length;

function findDeclaration(lines: readonly string[], from: number, to: number, identifier: string): number {
  const id = escape(identifier);
  const declaration = new RegExp(
    `^\\s*(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:abstract\\s+)?(?:async\\s+)?(?:function\\*?|const|let|var|class|interface|type|enum)\\s+${id}\\b`,
  );
  const member = new RegExp(`^\\s*(?:(?:public|private|protected|static|readonly|async|override|get|set)\\s+)*${id}\\s*(?:<[^>]*>)?\\s*[(:=]`);
  for (let i = from; i < to; i++) if (declaration.test(lines[i]!)) return i;
  for (let i = from; i < to; i++) {
    const text = lines[i]!.trimEnd();
    if (member.test(text) && !text.endsWith(';') && !text.endsWith(',')) return i;
  }
  return -1;
}

function findCase(lines: readonly string[], from: number, to: number, label: string): number {
  const pattern = new RegExp(`^\\s*case\\s+(['"])${escape(label)}\\1\\s*:`);
  for (let i = from; i < to; i++) if (pattern.test(lines[i]!)) return i;
  return -1;
}

/** From a declaration line to the end of its block, read by indentation (the code is formatted). */
function extentAt(lines: readonly string[], declaration: number, to: number, isCase: boolean): Extent {
  const indent = indentOf(lines[declaration]!);
  let end = declaration + 1;
  while (end < to) {
    const text = lines[end]!;
    if (text.trim() === '') {
      end++;
      continue;
    }
    const depth = indentOf(text);
    const trimmed = text.trim();
    if (depth > indent) end++;
    else if (depth === indent && /^[}\])]/.test(trimmed) && !(isCase && /^(case\b|default\s*:)/.test(trimmed))) end++;
    else break;
  }
  while (end > declaration + 1 && lines[end - 1]!.trim() === '') end--;
  let start = declaration;
  while (start > 0 && /^(\/\/|\/\*|\*|@)/.test(lines[start - 1]!.trim())) start--;
  return { start, declaration, end };
}

/**
 * Where `name` is decided in `source`: `fn`, `Owner.member` (each segment found inside the one
 * before), or `decider.decide(Command)` for the `case 'Command':` branch. Null when not found.
 */
export function locate(source: string, name: string): Extent | null {
  const parsed = NAME.exec(name);
  if (!parsed) return null;
  const lines = source.split('\n');
  let scope = { start: 0, declaration: 0, end: lines.length };
  let found: Extent | null = null;
  for (const segment of parsed[1]!.split('.')) {
    const at = findDeclaration(lines, found ? scope.declaration + 1 : 0, scope.end, segment);
    if (at < 0) return null;
    found = extentAt(lines, at, scope.end, false);
    scope = found;
  }
  if (parsed[2]) {
    const at = findCase(lines, scope.declaration + 1, scope.end, parsed[2]);
    if (at < 0) return null;
    found = extentAt(lines, at, scope.end, true);
  }
  return found;
}

/** The text of a line's comment, if it has one (a whole comment line, or what follows `//`). */
function commentOf(text: string): string | null {
  const trimmed = text.trim();
  if (/^(\/\/|\/\*|\*)/.test(trimmed)) return trimmed;
  const slashes = text.indexOf('// ');
  return slashes >= 0 ? text.slice(slashes) : null;
}

/** Rule ids cited in the comments of these lines. */
export function citedRuleIds(lines: readonly string[]): string[] {
  const ids: string[] = [];
  for (const text of lines) {
    const comment = commentOf(text);
    if (comment === null) continue;
    for (const match of comment.matchAll(CITATION)) ids.push(...match[1]!.split(/\s*(?:,|and)\s*/));
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// The checks. Each returns one line per fault; an empty list means the rule holds.

export function duplicateIds(catalogue: Catalogue): string[] {
  const seen = new Map<string, number>();
  const faults: string[] = [];
  for (const rule of catalogue.rules) {
    const first = seen.get(rule.id);
    if (first !== undefined) faults.push(`${rule.id} is defined on line ${first} and again on line ${rule.line}`);
    else seen.set(rule.id, rule.line);
  }
  return faults;
}

export function formatFaults(catalogue: Catalogue): string[] {
  const faults = [...catalogue.problems];
  if (catalogue.rules.length === 0) faults.push('the catalogue has no rules');
  if (catalogue.documents.length === 0) faults.push('the catalogue lists no public documents under "## Sources"');
  for (const rule of catalogue.rules) {
    if (!rule.statement) faults.push(`${rule.id}: no "- rule:" line`);
    if (!rule.source) faults.push(`${rule.id}: no "- source:" line`);
    if (rule.decidedIn.length === 0) faults.push(`${rule.id}: no "- decided in:" line`);
  }
  return faults;
}

/** A path inside the repository, written from its root. */
const inRepository = (path: string) => !path.startsWith('/') && !path.split('/').includes('..');

export function missingDecisions(catalogue: Catalogue, files: Files): string[] {
  const faults: string[] = [];
  for (const rule of catalogue.rules) {
    for (const place of rule.decidedIn) {
      if (!inRepository(place.path) || !files.exists(place.path)) faults.push(`${rule.id}: ${place.path} does not exist`);
      else if (!locate(files.read(place.path), place.name)) faults.push(`${rule.id}: ${place.path} has no ${place.name}`);
    }
  }
  return faults;
}

export function missingTests(catalogue: Catalogue, files: Files): string[] {
  const faults: string[] = [];
  for (const rule of catalogue.rules) {
    if (rule.tests.length === 0) faults.push(`${rule.id}: no test pins it`);
    for (const test of rule.tests) {
      if (!inRepository(test.path) || !/\.(unit|int|e2e)\.spec\.ts$/.test(test.path) || !files.exists(test.path)) {
        faults.push(`${rule.id}: ${test.path} is not a test file of this repository`);
        continue;
      }
      const source = files.read(test.path);
      if (!["'", '"', '`'].some((quote) => source.includes(`${quote}${test.name}${quote}`))) faults.push(`${rule.id}: ${test.path} has no test '${test.name}'`);
    }
  }
  return faults;
}

export function uncitedRules(catalogue: Catalogue, files: Files): string[] {
  const faults: string[] = [];
  for (const rule of catalogue.rules) {
    for (const place of rule.decidedIn) {
      if (!inRepository(place.path) || !files.exists(place.path)) continue; // missingDecisions reports it
      const source = files.read(place.path);
      const extent = locate(source, place.name);
      if (!extent) continue;
      const lines = source.split('\n').slice(extent.start, extent.end);
      if (!citedRuleIds(lines).includes(rule.id)) faults.push(`${rule.id}: ${place.path} ${place.name} does not cite it in a comment`);
    }
  }
  return faults;
}

const CODE_FOLDERS = ['services', 'libs', 'test', 'scripts'] as const;

export function unknownCitations(catalogue: Catalogue, files: Files): string[] {
  const known = new Set(catalogue.rules.map((rule) => rule.id));
  const faults: string[] = [];
  for (const path of files.list(CODE_FOLDERS).filter((file) => file.endsWith('.ts'))) {
    files
      .read(path)
      .split('\n')
      .forEach((text, index) => {
        for (const id of citedRuleIds([text])) if (!known.has(id)) faults.push(`${path}:${index + 1} cites ${id}, which docs/rules.md does not define`);
      });
  }
  return faults;
}

export function brokenRuleLinks(catalogue: Catalogue): string[] {
  const anchors = new Set(catalogue.rules.map((rule) => anchorOf(rule.id)));
  return catalogue.ruleLinks.filter((link) => !anchors.has(link.anchor)).map((link) => `line ${link.line}: #${link.anchor} is no rule of the catalogue`);
}

export function unsourcedRules(catalogue: Catalogue, files: Files): string[] {
  const faults: string[] = [];
  for (const rule of catalogue.rules) {
    const source = rule.source ?? '';
    const documents = catalogue.documents.filter((title) => source.includes(title));
    // A document of the repository, in backticks: `services/order/README.md`, `docs/adr/0003-….md`.
    const paths = [...source.matchAll(/`([^`\s]+\.(?:md|ts))`/g)].map(([, path]) => path!);
    if (/house rule/.test(source)) {
      if (paths.length === 0) faults.push(`${rule.id}: a house rule names the document in the repository that decides it`);
      for (const path of paths) if (!inRepository(path) || !files.exists(path)) faults.push(`${rule.id}: ${path} does not exist`);
    } else if (documents.length === 0) {
      faults.push(`${rule.id}: the source names no public document listed under "## Sources", and does not say "house rule"`);
    }
  }
  return faults;
}

/** Pointers at documents that are not in the repository (the project's own notes, an issue tracker). */
export const OUTSIDE_REFERENCES: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'a seed file', pattern: /\bseeds?[\s_-]*0\d\d\b/i },
  { what: 'the seeds folder', pattern: /\bseeds\//i },
  { what: 'the shared notes folder', pattern: /\.\.\/shared(?!\/[a-z])|\/work\/(?:shared|main)\b/ },
  { what: 'a project note', pattern: /\b(?:DOMAIN|ARCHITECTURE|CALENDAR|VERSIONS)\.md\b/ },
  { what: 'an issue tracker number', pattern: /\bissues?\s+#?\d+\b/i },
];

const SCANNED_FOLDERS = ['services', 'libs', 'test', 'docs', 'proto', 'scripts', 'deploy'] as const;
const SCANNED_FILE = /(\.(ts|js|mjs|cjs|md|proto|sh|ya?ml|json|sql)|Dockerfile)$/;

export function outsideReferences(files: Files): string[] {
  const faults: string[] = [];
  const paths = ['README.md', ...files.list(SCANNED_FOLDERS).filter((path) => SCANNED_FILE.test(path))];
  for (const path of paths) {
    if (!files.exists(path)) continue;
    files
      .read(path)
      .split('\n')
      .forEach((text, index) => {
        for (const { what, pattern } of OUTSIDE_REFERENCES) {
          const match = pattern.exec(text);
          if (match) faults.push(`${path}:${index + 1} points outside the repository, at ${what}: "${match[0]}"`);
        }
      });
  }
  return faults;
}

export function unlinkedReadmes(files: Files): string[] {
  const readmes = ['README.md', ...files.list(['services']).filter((path) => /^services\/[^/]+\/README\.md$/.test(path))];
  return readmes.filter((path) => !/\]\((?:\.\.\/)*docs\/rules\.md(?:#[\w-]*)?\)/.test(files.read(path))).map((path) => `${path} does not link docs/rules.md`);
}

// ---------------------------------------------------------------------------------------------

const SKIPPED = new Set(['node_modules', 'dist', 'coverage', '.run', '.git', '.nx']);

/** The repository on disk. */
export function repositoryFiles(root: string = resolve(__dirname, '../..')): Files {
  const walk = (folder: string, into: string[]) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path, into);
      else if (entry.isFile()) into.push(path);
    }
  };
  return {
    exists: (path) => existsSync(join(root, path)) && statSync(join(root, path)).isFile(),
    read: (path) => readFileSync(join(root, path), 'utf8'),
    list: (folders) => {
      const found: string[] = [];
      for (const folder of folders) if (existsSync(join(root, folder))) walk(folder, found);
      return found;
    },
  };
}

/** A made-up repository in memory, for showing that each check catches its fault. */
export function filesOf(contents: Readonly<Record<string, string>>): Files {
  return {
    exists: (path) => Object.prototype.hasOwnProperty.call(contents, path),
    read: (path) => {
      const text = contents[path];
      if (text === undefined) throw new Error(`no file ${path}`);
      return text;
    },
    list: (folders) => Object.keys(contents).filter((path) => folders.some((folder) => path.startsWith(`${folder}/`))),
  };
}
