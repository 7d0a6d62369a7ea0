import { ESTIMATED_SECONDS, ONE_LANE, TIMED_SECONDS, assignLanes, costKind, estimatedSeconds } from './lane-assignment';

const file = (path: string, seconds: number) => ({ path, seconds });

describe('lane assignment', () => {
  it('places the longest files first, each in the lane with the least time so far, so two lanes end close together', () => {
    // By hand, longest first (ties by path), each into the lane with less time (lane 1 on a tie):
    //   a 45 → lane 1 (0 = 0)    lane 1 45, lane 2  0
    //   b 30 → lane 2 (0 < 45)   lane 1 45, lane 2 30
    //   c 30 → lane 2 (30 < 45)  lane 1 45, lane 2 60
    //   d 12 → lane 1 (45 < 60)  lane 1 57, lane 2 60
    //   e 12 → lane 1 (57 < 60)  lane 1 69, lane 2 60
    //   f  3 → lane 2 (60 < 69)  lane 1 69, lane 2 63
    //   g  3 → lane 2 (63 < 69)  lane 1 69, lane 2 66
    // Half by count in path order would give a+b+c+d = 117 s against e+f+g = 18 s.
    const files = [file('g', 3), file('e', 12), file('a', 45), file('c', 30), file('f', 3), file('b', 30), file('d', 12)];

    expect(assignLanes(files, 2)).toEqual([
      { seconds: 69, paths: ['a', 'd', 'e'] },
      { seconds: 66, paths: ['b', 'c', 'f', 'g'] },
    ]);
  });

  it('keeps the files that must not run at once in one lane, placed as one unit of their summed time', () => {
    const files = [file('a', 30), file('y', 35), file('b', 30), file('x', 40), file('c', 10)];
    // Apart, by hand: x 40 → lane 1 (40); y 35 → lane 2 (35); a 30 → lane 2 (65); b 30 → lane 1 (70);
    // c 10 → lane 2 (75): x and y would run at the same time, one in each lane.
    expect(assignLanes(files, 2, [])).toEqual([
      { seconds: 70, paths: ['x', 'b'] },
      { seconds: 75, paths: ['y', 'a', 'c'] },
    ]);
    // Together: x + y = 75 s as one unit → lane 1 (75); a 30 → lane 2 (30); b 30 → lane 2 (60);
    // c 10 → lane 2 (70): one after the other in lane 1.
    expect(assignLanes(files, 2, ['x', 'y'])).toEqual([
      { seconds: 75, paths: ['x', 'y'] },
      { seconds: 70, paths: ['a', 'b', 'c'] },
    ]);
    // The suite's own pair: the API edge test and the bank volume spec.
    expect(ONE_LANE).toEqual(['test/edges/api-edges.e2e.spec.ts', 'services/billing/src/bank/bank-notifications-at-volume.int.spec.ts']);
  });

  it('runs every file in exactly one lane, and gives the same lanes whatever order the files were found in', () => {
    const files = ['p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x'].map((path, i) => file(path, [3, 12, 30, 45][i % 4]!));
    const lanes = assignLanes(files, 3);

    expect(lanes.flatMap((lane) => lane.paths).sort()).toEqual(files.map((f) => f.path));
    expect(assignLanes([...files].reverse(), 3)).toEqual(lanes);
  });

  it('puts two narrowed files of equal estimate in a lane each, and leaves a lane empty when one file is given', () => {
    expect(assignLanes([file('libs/b.int.spec.ts', 3), file('libs/a.int.spec.ts', 3)], 2).map((lane) => lane.paths)).toEqual([
      ['libs/a.int.spec.ts'],
      ['libs/b.int.spec.ts'],
    ]);
    expect(assignLanes([file('libs/a.int.spec.ts', 3)], 2)).toEqual([
      { seconds: 3, paths: ['libs/a.int.spec.ts'] },
      { seconds: 0, paths: [] },
    ]);
  });

  it('refuses a lane count that is not a positive integer', () => {
    expect(() => assignLanes([file('a', 3)], 0)).toThrow(RangeError);
    expect(() => assignLanes([file('a', 3)], 1.5)).toThrow(RangeError);
  });

  it('estimates a file by what it starts: an outage of its own, service processes or private servers, Kafka consumers, or only the database', () => {
    expect(costKind('test/fault/postgres-outage.int.spec.ts', 'startServiceProcess(')).toBe('fault');
    expect(costKind('test/outbound/title-and-goods.e2e.spec.ts', '')).toBe('processes');
    expect(costKind('test/platform/scram-auth.int.spec.ts', 'await PrivatePostgres.start(port)')).toBe('processes');
    expect(costKind('test/platform/relay-crash.int.spec.ts', 'relay = await RelayProcess.start(env)')).toBe('processes');
    expect(costKind('services/receipt/src/x.int.spec.ts', "ReceiptTestApp.start('holds', { clock, consume: true })")).toBe('messaging');
    expect(costKind('libs/messaging/src/x.int.spec.ts', 'const recorder = new TopicRecorder(bus)')).toBe('messaging');
    expect(costKind('libs/platform/src/http/http-edge.int.spec.ts', "it('answers 400')")).toBe('database');
    expect(ESTIMATED_SECONDS.fault).toBeGreaterThan(ESTIMATED_SECONDS.processes);
    expect(ESTIMATED_SECONDS.processes).toBeGreaterThan(ESTIMATED_SECONDS.messaging);
    expect(ESTIMATED_SECONDS.messaging).toBeGreaterThan(ESTIMATED_SECONDS.database);
  });

  it('takes a file’s own timing over its kind’s estimate where one was taken', () => {
    expect(estimatedSeconds('test/edges/api-edges.e2e.spec.ts', '')).toBe(TIMED_SECONDS['test/edges/api-edges.e2e.spec.ts']);
    expect(estimatedSeconds('test/outbound/title-and-goods.e2e.spec.ts', '')).toBe(ESTIMATED_SECONDS.processes);
    expect(estimatedSeconds('libs/platform/src/http/http-edge.int.spec.ts', "it('answers 400')")).toBe(ESTIMATED_SECONDS.database);
  });
});
