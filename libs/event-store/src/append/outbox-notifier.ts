import type { Database } from '../db/database';

/**
 * Wakes the outbox relay (LISTEN outbox_<schema>) after outbox rows are committed. Sent on
 * its own, outside the append's transaction, and coalesced: while one NOTIFY is on its way,
 * further pokes fold into one more. A lost poke (process crash between commit and notify)
 * costs only latency: the relay also polls.
 */
export class OutboxNotifier {
  private sending = false;
  private again = false;

  constructor(private readonly db: Database) {}

  get channel(): string {
    return `outbox_${this.db.schema}`;
  }

  poke(): void {
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = true;
    this.db
      .query(`SELECT pg_notify($1, '')`, [this.channel])
      .catch(() => undefined) // the relay's polling fallback covers a failed wake-up
      .finally(() => {
        this.sending = false;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }
}
