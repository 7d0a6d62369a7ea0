import { Comparison, printSummary, writeJson } from './bench-harness';
import { QUICK } from './bench-config';
import { cleanup } from './bench-cleanup';
import { appendBench } from './append.bench';
import { relayBench } from './relay.bench';
import { rebuildBench } from './rebuild.bench';

/**
 * `npm run bench [-- append relay rebuild]`: runs the named benches (all by default) one after
 * the other, prints each scenario's table and a summary, and writes the JSON records to the
 * file named by BENCH_JSON. Everything created on the way is dropped, also on Ctrl-C.
 */
const BENCHES: Record<string, () => Promise<Comparison[]>> = {
  append: appendBench,
  relay: relayBench,
  rebuild: rebuildBench,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
  const started = Date.now();
  process.stdout.write(`bench: ${names.join(', ')}${QUICK ? ' (BENCH_QUICK=1: reduced sizes)' : ''}\n`);
  const comparisons: Comparison[] = [];
  try {
    for (const name of names) {
      const benchStarted = Date.now();
      comparisons.push(...(await BENCHES[name]!()));
      process.stdout.write(`\n${name} finished in ${((Date.now() - benchStarted) / 1000).toFixed(0)} s\n`);
    }
  } finally {
    await cleanup.runAll();
  }
  printSummary(comparisons);
  process.stdout.write(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  const jsonFile = process.env.BENCH_JSON;
  if (jsonFile) {
    writeJson(jsonFile, comparisons);
    process.stdout.write(`wrote ${comparisons.length} records to ${jsonFile}\n`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nbench: ${signal}, cleaning up\n`);
    void cleanup.runAll().finally(() => process.exit(130));
  });
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
