import { Round, Sample, secondsSince } from './bench-harness';

/**
 * The append workload every contender runs: `writers` concurrent loops, each issuing its
 * share of commands one after the other, each command appending `eventsPerCommand` events to
 * one of the writer's own streams at the version it expects (so there are no conflicts and
 * every side does the same optimistic-concurrency check). Shared by the in-process contenders
 * and the peer's child process, so all three see identical commands and payloads.
 */
export interface AppendWorkload {
  writers: number;
  commands: number;
  eventsPerCommand: number;
}

export interface BenchEvent {
  type: string;
  data: Record<string, unknown>;
}

/** An append as each side sees it: `expectedVersion` 0 means the stream does not exist yet. */
export type AppendCommand = (streamId: string, expectedVersion: number, events: readonly BenchEvent[]) => Promise<void>;

const STREAMS_PER_WRITER = 16;

export const BENCH_METADATA = {
  actor: { subject: 'clerk-7', role: 'clerk' },
  correlationId: '0199a1b2-0000-7000-8000-00000000be4c',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};

/** A scale weighing on a lot: realistic size (~200 bytes of JSON), integer kilograms. */
export function weighingEvents(streamId: string, fromVersion: number, count: number): BenchEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const seq = fromVersion + i + 1;
    const grossKg = 30_000 + ((seq * 7_919) % 5_000);
    return {
      type: 'LotWeighed',
      data: {
        lotId: streamId,
        seq,
        ticket: `T-${streamId}-${seq}`,
        scaleId: 'scale-03',
        grossKg,
        tareKg: 14_200,
        netKg: grossKg - 14_200,
        weighedBy: 'clerk-7',
      },
    };
  });
}

/** The workload scaled for a round: warm-ups do a tenth of the commands. */
export function forRound(workload: AppendWorkload, round: Round, warmupFraction: number): AppendWorkload {
  if (!round.warmup) return workload;
  return { ...workload, commands: Math.max(workload.writers, Math.ceil(workload.commands * warmupFraction)) };
}

/** Runs the workload through `append`; measured from the first command to the last commit. */
export async function driveWriters(workload: AppendWorkload, round: Round, append: AppendCommand): Promise<Sample> {
  const perWriter = Math.ceil(workload.commands / workload.writers);
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: workload.writers }, async (_, w) => {
      const versions = new Array<number>(STREAMS_PER_WRITER).fill(0);
      for (let c = 0; c < perWriter; c += 1) {
        const s = c % STREAMS_PER_WRITER;
        const streamId = `lot-r${round.index}-w${w}-s${s}`;
        await append(streamId, versions[s]!, weighingEvents(streamId, versions[s]!, workload.eventsPerCommand));
        versions[s] = versions[s]! + workload.eventsPerCommand;
      }
    }),
  );
  return { units: perWriter * workload.writers * workload.eventsPerCommand, seconds: secondsSince(started) };
}
