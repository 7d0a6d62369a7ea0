import {
  brokenRuleLinks,
  Catalogue,
  duplicateIds,
  Files,
  filesOf,
  formatFaults,
  missingDecisions,
  missingTests,
  outsideReferences,
  parseCatalogue,
  repositoryFiles,
  uncitedRules,
  unknownCitations,
  unlinkedReadmes,
  unsourcedRules,
} from './rules-catalogue';

/*
 * docs/rules.md is the catalogue of every business rule the code enforces. These tests keep it
 * true: each rule names the function that decides it and the tests that pin it, the code cites
 * the rule there, and no comment cites a rule the catalogue does not have. A failure message
 * lists every fault, one per line.
 */

const repository = repositoryFiles();
const catalogue = parseCatalogue(repository.read('docs/rules.md'));

describe('docs/rules.md, the catalogue of business rules', () => {
  it('is written in the catalogue format: every rule has a statement, a source and a deciding function', () => {
    expect(formatFaults(catalogue)).toEqual([]);
  });

  it('gives every rule its own id: no id is defined twice', () => {
    expect(duplicateIds(catalogue)).toEqual([]);
  });

  it('every rule in docs/rules.md names a deciding function that exists', () => {
    expect(missingDecisions(catalogue, repository)).toEqual([]);
  });

  it('every rule is pinned by at least one test, and every test it lists exists under that name', () => {
    expect(missingTests(catalogue, repository)).toEqual([]);
  });

  it('the code cites every rule id in the function that decides it', () => {
    expect(uncitedRules(catalogue, repository)).toEqual([]);
  });

  it('every rule id a code comment cites is in the catalogue', () => {
    expect(unknownCitations(catalogue, repository)).toEqual([]);
  });

  it('every rule names a public document listed under Sources, or is a house rule naming the document of the repository that decides it', () => {
    expect(unsourcedRules(catalogue, repository)).toEqual([]);
  });

  it('every link of the index leads to a rule of the catalogue', () => {
    expect(brokenRuleLinks(catalogue)).toEqual([]);
  });

  it('is linked from the top-level README and from every service README', () => {
    expect(unlinkedReadmes(repository)).toEqual([]);
  });
});

describe('source files, docs and READMEs', () => {
  it('point only at documents inside the repository: no project notes, seed files or issue numbers', () => {
    expect(outsideReferences(repository)).toEqual([]);
  });
});

/*
 * The same checks on a made-up repository: clean, it passes them all; with one fault put in,
 * the check for that fault reports it. Texts that the repository scan would itself flag are
 * assembled from parts, so this file does not contain them.
 */
describe('the catalogue checks, on a made-up repository', () => {
  const cite = (id: string) => ['//', 'rule', id].join(' ');
  const rule = (lines: Partial<Record<'rule' | 'source' | 'decided' | 'tests', string | null>> = {}) =>
    [
      '#### RCPT-SAMPLE-RULE',
      lines.rule === null ? '' : `- rule: ${lines.rule ?? 'A sample is kept 3 days.'}`,
      lines.source === null ? '' : `- source: ${lines.source ?? '《样例交割办法》第三条'}`,
      lines.decided === null ? '' : `- decided in: ${lines.decided ?? '`services/x/src/domain/x.decider.ts` `xDecider.decide(KeepSample)`'}`,
      lines.tests === null ? '' : `- tests:\n${lines.tests ?? '  - `services/x/src/domain/x.decider.unit.spec.ts` `keeps a sample 3 days`'}`,
    ].join('\n');
  const catalogueText = (rules: string = rule(), top = '[the sample](#rcpt-sample-rule)') =>
    [top, '## Sources', '| document | issued by |', '| --- | --- |', '| 《样例交割办法》 | an exchange |', '## Sample service', '### Sample', rules].join('\n');
  const decider = (inKeep: string, inOther = '') =>
    [
      'export const xDecider = {',
      '  decide(command, state) {',
      '    switch (command.type) {',
      "      case 'KeepSample': {",
      ...(inKeep ? [`        ${inKeep}`] : []),
      '        return [];',
      '      }',
      "      case 'DropSample':",
      ...(inOther ? [`        ${inOther}`] : []),
      '        return [];',
      '    }',
      '  },',
      '};',
    ].join('\n');
  const clean: Record<string, string> = {
    'docs/rules.md': catalogueText(),
    'services/x/src/domain/x.decider.ts': decider(cite('RCPT-SAMPLE-RULE')),
    'services/x/src/domain/x.decider.unit.spec.ts': "it('keeps a sample 3 days', () => {});\n",
    'services/x/src/domain/helpers.ts': "import { requireText } from '../../shared/domain/field-rules';\n",
    'services/x/README.md': 'The rules: [docs/rules.md](../../docs/rules.md).\n',
    'README.md': 'Business rules: [docs/rules.md](docs/rules.md).\n',
  };
  const repo = (changes: Record<string, string | undefined> = {}): Files => {
    const contents: Record<string, string> = { ...clean };
    for (const [path, text] of Object.entries(changes)) {
      if (text === undefined) delete contents[path];
      else contents[path] = text;
    }
    return filesOf(contents);
  };
  const catalogueOf = (files: Files): Catalogue => parseCatalogue(files.read('docs/rules.md'));
  const allFaults = (files: Files) => {
    const parsed = catalogueOf(files);
    return [
      ...formatFaults(parsed),
      ...duplicateIds(parsed),
      ...missingDecisions(parsed, files),
      ...missingTests(parsed, files),
      ...uncitedRules(parsed, files),
      ...unknownCitations(parsed, files),
      ...unsourcedRules(parsed, files),
      ...brokenRuleLinks(parsed),
      ...unlinkedReadmes(files),
      ...outsideReferences(files),
    ];
  };

  it('passes every check when the catalogue and the code agree', () => {
    expect(allFaults(repo())).toEqual([]);
    expect(catalogueOf(repo()).rules).toEqual([
      {
        id: 'RCPT-SAMPLE-RULE',
        line: 8,
        statement: 'A sample is kept 3 days.',
        source: '《样例交割办法》第三条',
        decidedIn: [{ path: 'services/x/src/domain/x.decider.ts', name: 'xDecider.decide(KeepSample)' }],
        tests: [{ path: 'services/x/src/domain/x.decider.unit.spec.ts', name: 'keeps a sample 3 days' }],
      },
    ]);
  });

  it('catches a rule id defined twice', () => {
    const files = repo({ 'docs/rules.md': catalogueText(`${rule()}\n${rule()}`) });
    expect(duplicateIds(catalogueOf(files))).toEqual(['RCPT-SAMPLE-RULE is defined on line 8 and again on line 14']);
  });

  it('catches a rule without a statement or a source, a heading that is no rule id, and a line outside the format', () => {
    const files = repo({ 'docs/rules.md': catalogueText(`${rule({ rule: null, source: null })}\n- see also: nothing\n#### Sample rule`) });
    expect(formatFaults(catalogueOf(files))).toEqual([
      expect.stringContaining('not part of the rule format: - see also: nothing'),
      expect.stringContaining('"Sample rule" is not a rule id'),
      'RCPT-SAMPLE-RULE: no "- rule:" line',
      'RCPT-SAMPLE-RULE: no "- source:" line',
    ]);
  });

  it('catches a deciding function, branch or file that does not exist', () => {
    const goneBranch = repo({ 'docs/rules.md': catalogueText(rule({ decided: '`services/x/src/domain/x.decider.ts` `xDecider.decide(LoseSample)`' })) });
    expect(missingDecisions(catalogueOf(goneBranch), goneBranch)).toEqual([
      'RCPT-SAMPLE-RULE: services/x/src/domain/x.decider.ts has no xDecider.decide(LoseSample)',
    ]);
    const goneFile = repo({ 'services/x/src/domain/x.decider.ts': undefined });
    expect(missingDecisions(catalogueOf(goneFile), goneFile)).toEqual(['RCPT-SAMPLE-RULE: services/x/src/domain/x.decider.ts does not exist']);
    const outside = repo({ 'docs/rules.md': catalogueText(rule({ decided: '`../elsewhere/x.ts` `xDecider`' })) });
    expect(missingDecisions(catalogueOf(outside), outside)).toEqual(['RCPT-SAMPLE-RULE: ../elsewhere/x.ts does not exist']);
  });

  it('catches a rule with no test, and a listed test that is not in its file under that name', () => {
    const untested = repo({ 'docs/rules.md': catalogueText(rule({ tests: null })) });
    expect(missingTests(catalogueOf(untested), untested)).toEqual(['RCPT-SAMPLE-RULE: no test pins it']);
    const renamed = repo({ 'services/x/src/domain/x.decider.unit.spec.ts': "it('keeps a sample three days', () => {});\n" });
    expect(missingTests(catalogueOf(renamed), renamed)).toEqual([
      "RCPT-SAMPLE-RULE: services/x/src/domain/x.decider.unit.spec.ts has no test 'keeps a sample 3 days'",
    ]);
    const notATest = repo({ 'docs/rules.md': catalogueText(rule({ tests: '  - `services/x/src/domain/x.decider.ts` `keeps a sample 3 days`' })) });
    expect(missingTests(catalogueOf(notATest), notATest)).toEqual([
      'RCPT-SAMPLE-RULE: services/x/src/domain/x.decider.ts is not a test file of this repository',
    ]);
  });

  it('catches a deciding function that does not cite its rule, even when another branch of the decider does', () => {
    const uncited = repo({ 'services/x/src/domain/x.decider.ts': decider('') });
    expect(uncitedRules(catalogueOf(uncited), uncited)).toEqual([
      'RCPT-SAMPLE-RULE: services/x/src/domain/x.decider.ts xDecider.decide(KeepSample) does not cite it in a comment',
    ]);
    const elsewhere = repo({ 'services/x/src/domain/x.decider.ts': decider('', cite('RCPT-SAMPLE-RULE')) });
    expect(uncitedRules(catalogueOf(elsewhere), elsewhere)).toHaveLength(1);
  });

  it('catches a comment citing a rule id the catalogue does not define', () => {
    const stale = repo({ 'services/x/src/other.ts': `export const x = 1; ${cite('RCPT-RETIRED-RULE')}\n` });
    expect(unknownCitations(catalogueOf(stale), stale)).toEqual(['services/x/src/other.ts:1 cites RCPT-RETIRED-RULE, which docs/rules.md does not define']);
  });

  it('catches a source that names no listed document, and a house rule without an existing document of the repository', () => {
    const unlisted = repo({ 'docs/rules.md': catalogueText(rule({ source: '《未列出的办法》第三条' })) });
    expect(unsourcedRules(catalogueOf(unlisted), unlisted)).toEqual([
      'RCPT-SAMPLE-RULE: the source names no public document listed under "## Sources", and does not say "house rule"',
    ]);
    const bare = repo({ 'docs/rules.md': catalogueText(rule({ source: 'house rule' })) });
    expect(unsourcedRules(catalogueOf(bare), bare)).toEqual(['RCPT-SAMPLE-RULE: a house rule names the document in the repository that decides it']);
    const missing = repo({ 'docs/rules.md': catalogueText(rule({ source: 'house rule — `docs/adr/0099-gone.md`' })) });
    expect(unsourcedRules(catalogueOf(missing), missing)).toEqual(['RCPT-SAMPLE-RULE: docs/adr/0099-gone.md does not exist']);
  });

  it('catches an index link to a rule the catalogue does not have', () => {
    const files = repo({ 'docs/rules.md': catalogueText(rule(), '[gone](#rcpt-gone-rule)') });
    expect(brokenRuleLinks(catalogueOf(files))).toEqual(['line 1: #rcpt-gone-rule is no rule of the catalogue']);
  });

  it('catches a README that does not link the catalogue', () => {
    expect(unlinkedReadmes(repo({ 'services/x/README.md': 'No link here.\n' }))).toEqual(['services/x/README.md does not link docs/rules.md']);
  });

  it('catches pointers outside the repository in code, docs and READMEs, but not a relative import of a shared folder', () => {
    const files = repo({
      'services/x/src/domain/notes.ts': `// as ${['seed', '003'].join(' ')} says, art. 31\n// see ${['..', 'shared'].join('/')}\n`,
      'docs/notes.md': `Binding: ${['DOMAIN', 'md'].join('.')}; fixed in ${['issue', '4'].join(' ')}.\n`,
      'README.md': `${clean['README.md']}Read ${['seeds', ''].join('/')} first.\n`,
    });
    expect(outsideReferences(files)).toEqual([
      expect.stringMatching(/^README\.md:2 points outside the repository, at the seeds folder/),
      expect.stringMatching(/^services\/x\/src\/domain\/notes\.ts:1 points outside the repository, at a seed file/),
      expect.stringMatching(/^services\/x\/src\/domain\/notes\.ts:2 points outside the repository, at the shared notes folder/),
      expect.stringMatching(/^docs\/notes\.md:1 points outside the repository, at a project note/),
      expect.stringMatching(/^docs\/notes\.md:1 points outside the repository, at an issue tracker number/),
    ]);
  });
});
