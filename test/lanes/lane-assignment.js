// Which lane runs which integration or end-to-end test file (scripts/test.sh runs the suite in
// lanes, each on a PostgreSQL cluster of its own, one file at a time per lane). Pure: the same
// files give the same lanes in every lane's jest process, so each file runs exactly once.
//
// Jest's own --shard splits by a hash of the path, which evens out the number of files, not the
// time: the few files that start services as processes or stop a broker on purpose take ten
// times a plain database test, and the hash may put most of them in one lane. Here each file
// gets an estimate from what it starts, and the longest files are placed first, each in the lane
// with the least time so far (longest processing time first), so the lanes end close together.

/**
 * Estimated seconds of one file, by what its source starts. One timing each on a 2-core machine
 * with little else running: a database-only file 1 to 3 s (event-store database, platform
 * http-edge), a file that consumes from Kafka about 14 s (receipt holds), an end-to-end flow
 * about 28 s (order-inventory inbound flow); fault tests add an outage of their own on top.
 */
const ESTIMATED_SECONDS = { database: 3, messaging: 12, processes: 30, fault: 45 };

/**
 * Files timed far above their kind's estimate, in the same quiet-machine seconds: the API edge
 * test starts every service and fuzzes every operation (it grows with each route), the relay
 * crash test restarts a relay process until a message crosses. Timed on a machine loaded about
 * twice as much as the timings above (the inbound flow took 59.1 s there against 28.1 s): 311 s
 * and 141 s there, divided by 2.1 and rounded. Billing's volume spec books 10,000 bank notices:
 * 342 s at a load of 5–9, 156–171 s under other loads: about 160 s is taken. In a full CI run
 * (two lanes, every file taking about 1.8 times its quiet time) the API edge test took 400 s once
 * it fuzzed 246 operations with 200 requests each, and the trading e2e (four processes, six
 * business days) 140 s: 220 s and 80 s in quiet seconds.
 */
const TIMED_SECONDS = {
  'test/edges/api-edges.e2e.spec.ts': 220,
  'test/trading/receipt-trading.e2e.spec.ts': 80,
  'test/platform/relay-crash.int.spec.ts': 70,
  'services/billing/src/bank/bank-notifications-at-volume.int.spec.ts': 160,
};

/**
 * CPU-bound files that slow each other far beyond their sum when they run at once on the 2 cores:
 * in one CI run the bank volume spec took 850 s while the API edge test took 707 s in the other
 * lane (160 s and 220 s each alone). They are placed as one unit, so they run in one lane, one
 * after the other, and each meets only the lighter files of the other lane.
 */
const ONE_LANE = ['test/edges/api-edges.e2e.spec.ts', 'services/billing/src/bank/bank-notifications-at-volume.int.spec.ts'];

/**
 * The kind of cost a test file carries, read from its path and source: a `…Process` (a service
 * or relay started as an OS process) or a private server, Kafka consumers, or the database only.
 */
function costKind(relativePath, source) {
  if (relativePath.startsWith('test/fault/')) return 'fault';
  if (relativePath.endsWith('.e2e.spec.ts') || /\b(\w*Process|PrivateBroker|PrivatePostgres)\b/.test(source)) return 'processes';
  if (/consume: true|\b(TopicRecorder|testMessageBus|KafkaJsMessageBus)\b/.test(source)) return 'messaging';
  return 'database';
}

function estimatedSeconds(relativePath, source) {
  return TIMED_SECONDS[relativePath] ?? ESTIMATED_SECONDS[costKind(relativePath, source)];
}

/**
 * Splits files ({ path, seconds }) into `laneCount` lanes of about equal time: longest first,
 * each into the lane with the least time so far (the lower lane on a tie); equal times go by
 * path, so the split never depends on the order the files were found in. The files of
 * `oneLane` that are given go as one unit of their summed time.
 */
function assignLanes(files, laneCount, oneLane = ONE_LANE) {
  if (!Number.isInteger(laneCount) || laneCount < 1) throw new RangeError(`lane count must be a positive integer, got ${laneCount}`);
  const lanes = Array.from({ length: laneCount }, () => ({ seconds: 0, paths: [] }));
  const together = files.filter((file) => oneLane.includes(file.path)).sort((a, b) => (a.path < b.path ? -1 : 1));
  const units = [
    ...files.filter((file) => !oneLane.includes(file.path)).map((file) => ({ key: file.path, seconds: file.seconds, paths: [file.path] })),
    ...(together.length > 0
      ? [{ key: together[0].path, seconds: together.reduce((sum, file) => sum + file.seconds, 0), paths: together.map((file) => file.path) }]
      : []),
  ];
  const longestFirst = units.sort((a, b) => b.seconds - a.seconds || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const unit of longestFirst) {
    const lane = lanes.reduce((least, candidate) => (candidate.seconds < least.seconds ? candidate : least));
    lane.seconds += unit.seconds;
    lane.paths.push(...unit.paths);
  }
  return lanes;
}

module.exports = { ESTIMATED_SECONDS, TIMED_SECONDS, ONE_LANE, costKind, estimatedSeconds, assignLanes };
