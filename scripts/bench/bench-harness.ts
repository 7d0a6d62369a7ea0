import { writeFileSync } from 'node:fs';

/** What one timed run produced: `units` (events, messages) in `seconds` of measured time. */
export interface Sample {
  units: number;
  seconds: number;
}

export interface Round {
  /** 0 for the warm-up run, 1..n for measured rounds. */
  index: number;
  /** Warm-up runs are not recorded; contenders may make them smaller. */
  warmup: boolean;
}

/**
 * One side of a comparison. `run` does its own untimed preparation (seeding, truncating) and
 * times only the work being compared, so both sides are measured over the same span of work.
 */
export interface Contender {
  name: string;
  run(round: Round): Promise<Sample>;
}

export interface ScenarioSpec {
  scenario: string;
  /** Throughput unit, e.g. `events/s`: higher is better on both sides. */
  unit: string;
  rounds: number;
  ours: Contender;
  baselines: readonly Contender[];
  /** A smaller first pass per contender (connections, JIT, plan caches), not recorded. */
  warmup: boolean;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface Comparison {
  scenario: string;
  unit: string;
  baselineName: string;
  ours: Spread;
  baseline: Spread;
  /** ours / baseline per round (same round, so both saw the same machine state). */
  ratio: Spread;
  rounds: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('spread of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Seconds since `started` (from process.hrtime.bigint()). */
export function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * Runs ours and every baseline once per round, interleaved (A B C, then C B A, ...): the
 * order flips each round so that drift on a shared 2-core machine (autovacuum, page cache,
 * WAL recycling) does not always favour the side that runs first.
 */
export async function runScenario(spec: ScenarioSpec): Promise<Comparison[]> {
  if (spec.rounds < 3) throw new RangeError(`${spec.scenario}: at least 3 rounds, got ${spec.rounds}`);
  const contenders = [spec.ours, ...spec.baselines];
  process.stdout.write(`\n▶ ${spec.scenario}\n`);
  if (spec.warmup) {
    for (const contender of contenders) await contender.run({ index: 0, warmup: true });
  }
  const rates = new Map<Contender, number[]>(contenders.map((c) => [c, []]));
  for (let index = 1; index <= spec.rounds; index += 1) {
    const order = index % 2 === 1 ? contenders : [...contenders].reverse();
    const line: string[] = [];
    for (const contender of order) {
      const sample = await contender.run({ index, warmup: false });
      if (sample.units <= 0 || sample.seconds <= 0)
        throw new Error(`${spec.scenario}: ${contender.name} reported ${sample.units} units in ${sample.seconds} s`);
      const rate = sample.units / sample.seconds;
      rates.get(contender)!.push(rate);
      line.push(`${contender.name} ${formatRate(rate)}`);
    }
    process.stdout.write(`  round ${index}/${spec.rounds}: ${line.join(' | ')} ${spec.unit}\n`);
  }
  const oursRates = rates.get(spec.ours)!;
  const comparisons = spec.baselines.map((baseline) => {
    const baselineRates = rates.get(baseline)!;
    return {
      scenario: spec.scenario,
      unit: spec.unit,
      baselineName: baseline.name,
      ours: spread(oursRates),
      baseline: spread(baselineRates),
      ratio: spread(oursRates.map((rate, i) => rate / baselineRates[i]!)),
      rounds: spec.rounds,
    };
  });
  printScenario(spec, comparisons);
  return comparisons;
}

export function formatRate(rate: number): string {
  return Math.round(rate).toLocaleString('en-US');
}

function formatRatio(ratio: Spread): string {
  return `${ratio.median.toFixed(2)} [${ratio.min.toFixed(2)}, ${ratio.max.toFixed(2)}]`;
}

function formatSpread(s: Spread): string {
  return `${formatRate(s.median)} (${formatRate(s.min)}–${formatRate(s.max)})`;
}

/** Columns named in `left` are text (left-aligned); the others are figures (right-aligned). */
function table(header: readonly string[], rows: readonly (readonly string[])[], left: readonly number[] = [0]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const render = (cells: readonly string[]) => `  ${cells.map((c, i) => (left.includes(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  return [render(header), `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...rows.map(render)].join('\n');
}

function printScenario(spec: ScenarioSpec, comparisons: readonly Comparison[]): void {
  const first = comparisons[0]!;
  const rows = [['ours', formatSpread(first.ours), '—'], ...comparisons.map((c) => [c.baselineName, formatSpread(c.baseline), formatRatio(c.ratio)])];
  process.stdout.write(`${table([`${spec.unit}, ${spec.rounds} rounds`, 'median (min–max)', 'ours/baseline median [min, max]'], rows)}\n`);
}

/** A bench's heading and what each side does, so a reader can judge the comparison. */
export function printSection(title: string, notes: readonly string[]): void {
  process.stdout.write(`\n━━ ${title}\n`);
  for (const note of notes) process.stdout.write(`  · ${note}\n`);
}

export function printSummary(comparisons: readonly Comparison[]): void {
  process.stdout.write(`\n═ Summary (ratio = ours / baseline, throughput, higher is better)\n`);
  const rows = comparisons.map((c) => [c.scenario, c.baselineName, formatRate(c.ours.median), formatRate(c.baseline.median), c.unit, formatRatio(c.ratio)]);
  process.stdout.write(`${table(['scenario', 'baseline', 'ours', 'baseline', 'unit', 'ratio [min, max]'], rows, [0, 1, 4])}\n`);
}

/** The machine-readable form: one record per (scenario, baseline), medians of the rounds. */
export function writeJson(file: string, comparisons: readonly Comparison[]): void {
  const records = comparisons.map((c) => ({
    scenario: c.scenario,
    unit: c.unit,
    ours: round2(c.ours.median),
    baseline: round2(c.baseline.median),
    baseline_name: c.baselineName,
    ratio: round4(c.ratio.median),
  }));
  writeFileSync(file, `${JSON.stringify(records, null, 2)}\n`);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
