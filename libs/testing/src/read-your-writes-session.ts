/** Mirrors the platform's header names (libs/platform read-your-writes); tests send what clients send. */
const LOG_POSITION = 'x-log-position';
const MIN_LOG_POSITION = 'x-min-log-position';

/**
 * What a well-behaved client does with read-your-writes: remembers, per service, the latest
 * `X-Log-Position` any answer carried, and sends it as `X-Min-Log-Position` on the next reads of
 * that service, so a read after a write shows the write without sleeping or retrying. Positions
 * of one service mean nothing to another, hence one per base URL.
 */
export class ReadYourWritesSession {
  private readonly latest = new Map<string, { transaction: bigint; position: bigint; token: string }>();

  /** Headers for a request to `baseUrl`: the position to wait for, when a write was seen. */
  headersFor(baseUrl: string): Record<string, string> {
    const seen = this.latest.get(baseUrl);
    return seen ? { [MIN_LOG_POSITION]: seen.token } : {};
  }

  /** Keeps the position an answer from `baseUrl` carries, if it is later than the one held. */
  remember(baseUrl: string, headers: Headers): void {
    const token = headers.get(LOG_POSITION);
    if (!token) return;
    const [transaction, position] = token.split('-').map((part) => BigInt(part)) as [bigint, bigint];
    const seen = this.latest.get(baseUrl);
    if (seen && (seen.transaction > transaction || (seen.transaction === transaction && seen.position >= position))) return;
    this.latest.set(baseUrl, { transaction, position, token });
  }

  /** The latest position seen from `baseUrl`, as the service wrote it. */
  positionOf(baseUrl: string): string | undefined {
    return this.latest.get(baseUrl)?.token;
  }
}
