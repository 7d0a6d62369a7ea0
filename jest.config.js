// One jest config for the whole workspace. Test kinds are told apart by file suffix:
//   *.unit.spec.ts  pure code, no I/O
//   *.int.spec.ts   real PostgreSQL (and real Kafka where the subject is messaging)
//   *.e2e.spec.ts   HTTP + real Kafka across processes
// JEST_KIND=unit|int|e2e narrows the run; the default runs all three.
const { readFileSync } = require('node:fs');
const base = JSON.parse(readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8'));
const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));

// '@dw/x' names a library's entry point; '@dw/x-service/*' a service's files (tests across services).
const moduleNameMapper = Object.fromEntries(
  Object.entries(base.compilerOptions.paths).map(([alias, [target]]) =>
    alias.endsWith('/*')
      ? [`^${alias.slice(0, -2).replace('/', '\\/')}\\/(.*)$`, `<rootDir>/${target.slice(0, -1)}$1`]
      : [`^${alias.replace('/', '\\/')}$`, `<rootDir>/${target}`],
  ),
);

const kind = process.env.JEST_KIND;
const suffix = kind ? `${kind}.spec.ts` : '{unit,int,e2e}.spec.ts';

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/{libs,services,test}/**/*.${suffix}`],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 120000,
  // Integration and end-to-end tests run one file at a time: whole-log readers wait below the
  // oldest open transaction of the whole PostgreSQL cluster (pg_snapshot_xmin), so a test that
  // holds a transaction open on purpose would stall, or change the figures of, another file's
  // readers running beside it. Unit tests have no I/O and run in parallel. scripts/test.sh runs
  // the integration suite in lanes (jest --shard), each lane on a PostgreSQL cluster of its own;
  // the lane sequencer splits the files by estimated time rather than by count.
  maxWorkers: kind === 'unit' ? '50%' : 1,
  testSequencer: '<rootDir>/test/lanes/lane-sequencer.js',
};
