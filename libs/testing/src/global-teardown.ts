/** Stops what global setup started through testcontainers; a broker from scripts/ is left for the caller's script. */
export default async function globalTeardown(): Promise<void> {
  const stops = (globalThis as { __dwStops?: Array<() => Promise<void>> }).__dwStops ?? [];
  for (const stop of stops.reverse()) await stop();
}
