// Inbound receiving throughput of the inventory service, end to end: pieces scanned through the
// HTTP API until they are visible in stock (the lots read model), with the order service
// running beside it over Kafka, both as real processes on this machine's PostgreSQL and Kafka.
//
//   node -r @swc-node/register scripts/bench/inventory-receiving.bench.ts
//
// BENCH_ORDERS (default 8) inbound orders are scanned in parallel, one handheld each, with
// BENCH_PIECES (default 60) pieces per order; then BENCH_SAMPLES (default 30) single pieces are
// scanned one at a time on an idle system, each timed from the scan request to the moment a
// query of the stock shows it. Everything is created under unique names and removed at the end.
import { performance } from 'node:perf_hooks';
import { expectStatus, openInboundOrder, registerRebar, staffOf } from '../../test/order-inventory/fixtures/inbound-receiving';
import { startOrderAndInventory, type RunningServices } from '../../test/order-inventory/fixtures/order-inventory-services';

const ORDERS = positive('BENCH_ORDERS', 8);
const PIECES = positive('BENCH_PIECES', 60);
const SAMPLES = positive('BENCH_SAMPLES', 30);
const WAREHOUSE = 'WH-BENCH';

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0`);
  return value;
}

/** Pieces of a lot as the stock read model shows them (what a depositor's or clerk's query sees). */
async function visiblePieces(staff: ReturnType<typeof staffOf>, lotId: string): Promise<number> {
  const answer = await staff.inventoryDesk.get(`/lots?lot=${encodeURIComponent(lotId)}`);
  return Number(answer.body.items?.[0]?.pieces ?? 0);
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const services: RunningServices = await startOrderAndInventory('bench');
  const stop = () => void services.stop().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  try {
    const staff = staffOf(services);
    await registerRebar(staff.manager);
    const lot = (card: number) => ({
      warehouse: WAREHOUSE,
      storageCard: `SC-${card}`,
      party: `P-${card}`,
      commodity: 'rb-400e-20-sg',
      pieces: { X: 1 },
      placement: {},
    });

    // Setup, not timed: the inbound orders, opened and at the unload_tally step in inventory.
    const orders = await Promise.all(
      Array.from({ length: ORDERS + 1 }, (_, i) =>
        openInboundOrder(services, { ...lot(i), pieces: Object.fromEntries(Array.from({ length: PIECES }, (_, p) => [`B${p}`, 2_000])) }),
      ),
    );
    const [sampleOrder, ...benchOrders] = orders as [string, ...string[]];

    // Throughput: every order's handheld scans its pieces one after the other, all orders at once.
    const started = performance.now();
    await Promise.all(
      benchOrders.map(async (orderId, o) => {
        for (let p = 0; p < PIECES; p += 1) {
          expectStatus(
            await staff.operator.post(`/inbound-orders/${orderId}/scans`, { barcode: `O${o}-P${p}`, kind: 'bundle', productionDate: '2025-02-20' }),
            201,
            'scan',
          );
        }
      }),
    );
    const scannedAt = performance.now();
    await until(
      async () => (await Promise.all(benchOrders.map((orderId) => visiblePieces(staff, `lot-${orderId}`)))).every((n) => n === PIECES),
      60_000,
      'every piece in stock',
    );
    const visibleAt = performance.now();
    const total = ORDERS * PIECES;

    // Latency: one piece at a time on an idle system, scan request → visible in the stock query.
    const latencies: number[] = [];
    for (let s = 0; s < SAMPLES; s += 1) {
      const t0 = performance.now();
      expectStatus(
        await staff.operator.post(`/inbound-orders/${sampleOrder}/scans`, { barcode: `S-${s}`, kind: 'bundle', productionDate: '2025-02-20' }),
        201,
        'sample scan',
      );
      await until(async () => (await visiblePieces(staff, `lot-${sampleOrder}`)) === s + 1, 10_000, `sample ${s} in stock`);
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);

    const seconds = (visibleAt - started) / 1000;
    const lines = [
      `inventory receiving: ${total} pieces scanned through the API over ${ORDERS} inbound orders in parallel (${PIECES} each)`,
      `  throughput, scan → visible in stock: ${(total / seconds).toFixed(1)} pieces/s (${seconds.toFixed(2)} s; last scan answered after ${((scannedAt - started) / 1000).toFixed(2)} s)`,
      `  one piece, scan → visible in stock (${SAMPLES} samples, idle): p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${latencies[latencies.length - 1]!.toFixed(1)} ms`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    process.stdout.write(
      `${JSON.stringify({ bench: 'inventory-receiving', orders: ORDERS, piecesPerOrder: PIECES, pieces: total, seconds, piecesPerSecond: total / seconds, scanToVisibleMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies[latencies.length - 1] } })}\n`,
    );
  } finally {
    process.off('SIGINT', stop);
    await services.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`inventory-receiving bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
